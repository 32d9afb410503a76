/**
 * When the daily copy is taken: a while after start (the copy reads the whole database, so the
 * clerk's window comes first), then every hour, so a PC left running for days (locked overnight,
 * not quit) still gets one copy per station day; `rotateDailyBackup` does nothing while today's
 * exists. One copy at a time; a failure is reported and the next hour tries again.
 */
export interface BackupSchedule {
  firstDelayMs: number
  everyMs: number
}

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = {
  firstDelayMs: 10_000,
  everyMs: 60 * 60 * 1000
}

/** Starts the schedule; returns the function that stops it. */
export function scheduleBackups(
  backup: () => Promise<unknown>,
  onError: (error: unknown) => void,
  schedule: BackupSchedule = DEFAULT_BACKUP_SCHEDULE
): () => void {
  let running = false
  const run = () => {
    if (running) return
    running = true
    void backup()
      .catch(onError)
      .finally(() => {
        running = false
      })
  }
  let every: NodeJS.Timeout | undefined
  const first = setTimeout(() => {
    run()
    every = setInterval(run, schedule.everyMs)
    every.unref()
  }, schedule.firstDelayMs)
  first.unref()
  return () => {
    clearTimeout(first)
    clearInterval(every)
  }
}
