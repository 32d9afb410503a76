export const roles = ['clerk', 'field', 'director', 'admin', 'auditor'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  clerk: '窗口民警',
  field: '外勤民警',
  director: '所长',
  admin: '系统管理员',
  auditor: '审计员'
}

/**
 * 等保 2.0 separation of duties: only the auditor reads the audit log, and the auditor changes
 * nothing (the own password aside); the administrator manages accounts but cannot read the log.
 */
export const AUDIT_READERS = ['auditor'] as const satisfies readonly Role[]
