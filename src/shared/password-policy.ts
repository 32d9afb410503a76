/**
 * 等保 2.0 level 3 password rules, shared by the contract, main and the renderer's forms: at least
 * 8 characters from at least 3 of 4 classes (upper case, lower case, digits, symbols), not
 * containing the user name (any case), and none of the last 5 passwords again (checked in main,
 * which holds the hashes).
 */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128
export const PASSWORD_HISTORY = 5

const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/]

export const passwordClassCount = (password: string) =>
  classes.filter((pattern) => pattern.test(password)).length

export const CLASS_RULE = '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'
export const USERNAME_RULE = '密码不能包含用户名'
export const REUSE_RULE = `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`

export const containsUsername = (password: string, username: string | undefined) =>
  !!username &&
  username.trim().length > 0 &&
  password.toLowerCase().includes(username.trim().toLowerCase())

/** The first rule a new password breaks (Chinese), or null when it passes. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少 ${PASSWORD_MIN} 位`
  if (password.length > PASSWORD_MAX) return `密码不能超过 ${PASSWORD_MAX} 位`
  if (passwordClassCount(password) < 3) return CLASS_RULE
  if (containsUsername(password, username)) return USERNAME_RULE
  return null
}
