import type { FormInstance } from 'antd'
import { ApiError } from '@renderer/lib/api'

/** The station server's fields as a form holds them (设置 → 本所服务器, and joining at first start). */
export interface StationForm {
  host: string
  port: number
  database: string
  user: string
  password?: string
  passphrase?: string
  tls: 'off' | 'verify'
  caPem?: string
  pcName?: string
}

export const stationFormDefaults: Partial<StationForm> = { port: 5432, tls: 'verify' }

/** The form's values as the station calls take them (empty optional fields kept out). */
export function stationInput(values: StationForm) {
  const { password, passphrase, caPem, pcName, ...config } = values
  return {
    config: {
      ...config,
      ...(caPem?.trim() ? { caPem: caPem.trim() } : {}),
      ...(pcName?.trim() ? { pcName: pcName.trim() } : {})
    },
    ...(password ? { password } : {}),
    ...(passphrase ? { passphrase } : {})
  }
}

/** Main's per-field messages (config.host …) at their fields; false when there were none. */
export function showStationFieldErrors(form: FormInstance<StationForm>, error: unknown): boolean {
  if (!(error instanceof ApiError) || !Object.keys(error.fields).length) return false
  form.setFields(
    Object.entries(error.fields).map(([path, text]) => ({
      name: path.replace(/^config\./, '') as keyof StationForm,
      errors: [text]
    }))
  )
  return true
}
