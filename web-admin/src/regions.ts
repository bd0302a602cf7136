import { ref } from 'vue'
import { api, me, type Schema } from './api'

export type Region = Schema<'RegionController.RegionView'>

/** The townships of the user's county, loaded once. */
export const townships = ref<Region[]>([])

export async function loadTownships(): Promise<Region[]> {
  if (townships.value.length === 0 && me.value) {
    townships.value = await api.get<Region[]>(`/api/regions?parentId=${me.value.countyId}`)
  }
  return townships.value
}

export function townshipName(id: number): string {
  return townships.value.find(t => t.id === id)?.name ?? String(id)
}
