// The HTTP client: bearer token, JSON, and problem+json turned into an ApiError carrying code, field and both messages.
import { ref } from 'vue'
import type { components } from './api-types'
import { lang } from './i18n'

/** A request or answer of the API by its name in the OpenAPI document (src/api-types.ts is generated from it). */
export type Schema<K extends keyof components['schemas']> = components['schemas'][K]

export type Me = Schema<'LoginController.Me'>

export class ApiError extends Error {
  constructor(public status: number, public code: string, public field: string | undefined,
              public messageZh: string, public messageEn: string, public detail: string,
              public detailZh?: string, public detailEn?: string) {
    super(messageZh || messageEn)
  }
  /** The message in the user's language. */
  text(): string {
    return lang.value === 'zh' ? this.messageZh || this.messageEn : this.messageEn || this.messageZh
  }
  /** What exactly was wrong, in the user's language when the server gave it so; else as the server wrote it. */
  detailText(): string {
    return (lang.value === 'zh' ? this.detailZh || this.detailEn : this.detailEn || this.detailZh) || this.detail
  }
}

/** The fields of an application/problem+json answer that the client reads (docs/errors.md). */
interface ProblemJson { code?: string; field?: string | null; messageZh?: string; title?: string; detail?: string;
  detailZh?: string | null; detailEn?: string | null }

/** An error from a problem+json document. */
function problem(status: number, statusText: string, json: ProblemJson | null): ApiError {
  return new ApiError(status, json?.code ?? 'HTTP_' + status, json?.field ?? undefined, json?.messageZh ?? '',
    json?.title ?? statusText, json?.detail ?? '', json?.detailZh ?? undefined, json?.detailEn ?? undefined)
}

export const me = ref<Me | null>(null)
let token: string | null = sessionStorage.getItem('token')

export function loggedIn(): boolean {
  return token != null
}

async function request<T>(method: string, path: string, body?: unknown, opts: { contentType?: string; idempotencyKey?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  let payload: BodyInit | undefined
  if (body !== undefined) {
    headers['Content-Type'] = opts.contentType ?? 'application/json'
    payload = typeof body === 'string' || body instanceof ArrayBuffer || body instanceof Blob ? body : JSON.stringify(body)
  }
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey
  const res = await fetch(path, { method, headers, body: payload })
  if (res.status === 401 && token && path !== '/api/auth/login') {
    logout()
  }
  const text = await res.text()
  const json = text ? JSON.parse(text) : null
  if (!res.ok) {
    throw problem(res.status, res.statusText, json)
  }
  return json as T
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) => request<T>('POST', path, body ?? {}, { idempotencyKey }),
  put: <T>(path: string, body: unknown, idempotencyKey?: string) => request<T>('PUT', path, body, { idempotencyKey }),
  /** A file as it is (an .xlsx workbook or a CSV in any encoding): the server reads the bytes. */
  upload: <T>(path: string, file: ArrayBuffer, contentType: string, idempotencyKey?: string) =>
    request<T>('POST', path, file, { contentType, idempotencyKey }),
  del: <T>(path: string) => request<T>('DELETE', path, undefined, { idempotencyKey: newKey() }),
}

export async function login(username: string, password: string): Promise<Me> {
  const res = await request<Schema<'LoginController.LoginResponse'>>('POST', '/api/auth/login', { username, password })
  token = res.access_token
  sessionStorage.setItem('token', token)
  return loadMe()
}

/** Changes the signed-in user's password; every other session of the user ends, this one goes on with a new token. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const res = await request<Schema<'LoginController.LoginResponse'>>('POST', '/api/me/password', { currentPassword, newPassword })
  token = res.access_token
  sessionStorage.setItem('token', token)
}

export async function loadMe(): Promise<Me> {
  me.value = await request<Me>('GET', '/api/me')
  return me.value
}

export function logout() {
  token = null
  me.value = null
  sessionStorage.removeItem('token')
  if (!location.hash.startsWith('#/login')) location.hash = '#/login'
}

/** Downloads a report as .xlsx (or any file the server makes) with the user's token. */
export async function download(path: string, fileName: string, accept = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token}`, Accept: accept } })
  if (!res.ok) {
    const json = await res.json().catch(() => null)
    throw problem(res.status, '', json)
  }
  saveBlob(await res.blob(), fileName)
}

export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}

/** A fresh idempotency key per user action: a retried click sends the same one. */
export function newKey(): string {
  return crypto.randomUUID ? crypto.randomUUID() : Math.random().toString(36).slice(2) + Date.now().toString(36)
}
