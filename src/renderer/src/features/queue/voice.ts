import { spokenCall } from '@shared/queue/text'
import { chineseVoice } from '@shared/queue/voice'

/**
 * The hall's voice: one queue of calls, each a chime then the call said twice. A Chinese
 * speechSynthesis voice is used where the system has one (Huihui, Yaoyao, Kangkang on Chinese
 * Windows); without one, the chime alone plays and the display shows the call.
 */

export interface CallToSay {
  number: string
  windowNumber: number
  recall: boolean
}

function chime(context: AudioContext): Promise<void> {
  return new Promise((resolve) => {
    const start = context.currentTime
    // Two tones, a "ding-dong".
    for (const [i, freq] of [659.25, 523.25].entries()) {
      const osc = context.createOscillator()
      const gain = context.createGain()
      osc.frequency.value = freq
      gain.gain.setValueAtTime(0.0001, start + i * 0.45)
      gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.45 + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.45 + 0.8)
      osc.connect(gain).connect(context.destination)
      osc.start(start + i * 0.45)
      osc.stop(start + i * 0.45 + 0.85)
    }
    window.setTimeout(resolve, 1300)
  })
}

function say(text: string, voice: SpeechSynthesisVoice): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.voice = voice
    utterance.lang = voice.lang
    utterance.rate = 0.9
    utterance.onend = () => resolve()
    utterance.onerror = () => resolve()
    speechSynthesis.speak(utterance)
  })
}

export function createCaller() {
  const pending: CallToSay[] = []
  let running = false
  let context: AudioContext | null = null
  const voice = () =>
    typeof speechSynthesis === 'undefined' ? null : chineseVoice(speechSynthesis.getVoices())

  async function drain() {
    if (running) return
    running = true
    try {
      for (let next = pending.shift(); next; next = pending.shift()) {
        context ??= new AudioContext()
        await chime(context)
        const v = voice()
        if (v) {
          const text = spokenCall(next.number, next.windowNumber, next.recall)
          await say(text, v)
          await say(text, v)
        }
      }
    } finally {
      running = false
    }
  }

  return {
    /** Queues a call; calls are said one after another, in the order made. */
    enqueue(call: CallToSay) {
      pending.push(call)
      void drain()
    },
    hasVoice: () => voice() !== null
  }
}
