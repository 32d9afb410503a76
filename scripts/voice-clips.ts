/**
 * Writes the call clips (src/shared/queue/clips.ts) into src/renderer/public/voice/<id>.ogg with
 * Debian's espeak-ng and ffmpeg: `npm run voice:clips`. The voice is `cmn-latn-pinyin` (Mandarin
 * reading pinyin); plain `cmn` would read the pinyin as English. The clips are committed.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { voiceClips } from '../src/shared/queue/clips'

const out = join(import.meta.dirname, '../src/renderer/public/voice')
const work = mkdtempSync(join(tmpdir(), 'voice-'))
mkdirSync(out, { recursive: true })
// Silence trimmed at both ends, so clips join without gaps.
const trim =
  'silenceremove=start_periods=1:start_threshold=-45dB,areverse,' +
  'silenceremove=start_periods=1:start_threshold=-45dB,areverse'
let total = 0
try {
  for (const [id, pinyin] of Object.entries(voiceClips)) {
    const wav = join(work, `${id}.wav`)
    const ogg = join(out, `${id}.ogg`)
    execFileSync('espeak-ng', ['-v', 'cmn-latn-pinyin', '-s', '150', '-w', wav, pinyin])
    execFileSync('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-i', wav, '-af', trim],
      ...['-ac', '1', '-c:a', 'libopus', '-b:a', '24k', '-map_metadata', '-1', ogg]
    ])
    total += statSync(ogg).size
  }
  console.log(`${Object.keys(voiceClips).length} clips, ${Math.round(total / 1024)} KiB → ${out}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
