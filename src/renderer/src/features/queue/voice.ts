import { callClips } from '@shared/queue/clips'
import { spokenCall } from '@shared/queue/text'
import { chineseVoice } from '@shared/queue/voice'

/**
 * The hall's voice: one queue of calls, each a chime then the call said twice. Sources in order:
 * a Chinese speechSynthesis voice where the system has one (Huihui, Yaoyao, Kangkang on Chinese
 * Windows); else the clips generated at build time (public/voice, see src/shared/queue/clips.ts);
 * else the chime alone, and the display shows the call.
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

/** Decoded clips by id; a clip that cannot be fetched or decoded is null (no clips then). */
const clips = new Map<string, Promise<AudioBuffer | null>>()

function clip(context: AudioContext, id: string): Promise<AudioBuffer | null> {
  let loaded = clips.get(id)
  if (!loaded) {
    loaded = fetch(`voice/${id}.ogg`)
      .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(id))))
      .then((bytes) => context.decodeAudioData(bytes))
      .catch(() => null)
    clips.set(id, loaded)
  }
  return loaded
}

/** Plays the clips back to back; false (nothing played) when any clip is missing. */
async function playClips(context: AudioContext, ids: string[]): Promise<boolean> {
  const buffers = await Promise.all(ids.map((id) => clip(context, id)))
  if (buffers.some((b) => b === null)) return false
  let at = context.currentTime + 0.05
  for (const buffer of buffers as AudioBuffer[]) {
    const source = context.createBufferSource()
    source.buffer = buffer
    source.connect(context.destination)
    source.start(at)
    at += buffer.duration + 0.04
  }
  await new Promise((resolve) => window.setTimeout(resolve, (at - context.currentTime) * 1000))
  return true
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
        } else {
          const ids = callClips(next.number, next.windowNumber, next.recall)
          if (await playClips(context, ids)) await playClips(context, ids)
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
    /** 'voice', 'clips' or 'chime' (what the next call will use). */
    async source(): Promise<'voice' | 'clips' | 'chime'> {
      if (voice()) return 'voice'
      context ??= new AudioContext()
      const ids = callClips('A001', 3)
      return (await Promise.all(ids.map((id) => clip(context!, id)))).every(Boolean)
        ? 'clips'
        : 'chime'
    }
  }
}
