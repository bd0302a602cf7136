// A list paged, filtered and ordered by the server: the page's rows and total, page and size for el-pagination, and
// the query string of page, size and the filters that are set. A change of page or size loads again; a change of a
// filter goes back to the first page. S is an item as the server gives it, T as the table shows it (map).
import { ref, watch, type Ref } from 'vue'
import { api, ApiError } from './api'

export function useServerPage<S, T = S>(path: string, filters: Record<string, Ref<string | number | null>>,
                                    map: (item: S) => T = item => item as unknown as T) {
  const rows = ref<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const page = ref(1)
  const size = ref(20)
  const error = ref<ApiError | null>(null)

  async function load() {
    const query = new URLSearchParams({ page: String(page.value - 1), size: String(size.value) })
    for (const [name, value] of Object.entries(filters)) {
      if (value.value != null && value.value !== '') query.set(name, String(value.value))
    }
    const res = await api.get<{ items: S[]; total: number }>(`${path}?${query}`)
    rows.value = res.items.map(map)
    total.value = res.total
  }
  /** Loads, showing a failure in {@code error} instead of throwing. */
  async function reload() {
    try { await load() } catch (e) { error.value = e as ApiError }
  }
  watch([page, size], reload)
  watch(Object.values(filters), () => { if (page.value === 1) reload(); else page.value = 1 })
  return { rows, total, page, size, error, load, reload }
}
