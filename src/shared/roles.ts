export const roles = ['clerk', 'field', 'director', 'admin'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  clerk: '窗口民警',
  field: '外勤民警',
  director: '所长',
  admin: '系统管理员'
}
