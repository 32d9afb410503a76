/** Picking the hall's voice from what the system offers (speechSynthesis voices). */

export interface VoiceLike {
  name: string
  lang: string
}

/**
 * A Mandarin voice, mainland first (Huihui, Yaoyao, Kangkang on Chinese Windows are zh-CN);
 * Cantonese (zh-HK) and Taiwanese voices only when there is no mainland one. None: null.
 */
export function chineseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const zh = voices.filter((v) => /^(zh|cmn)([-_]|$)/i.test(v.lang))
  return zh.find((v) => /^(zh|cmn)[-_](CN|Hans)/i.test(v.lang)) ?? zh[0] ?? null
}
