import { useCallback, useEffect, useMemo, useState } from 'react'
import { createWorkCalendar, defaultSchedules } from '@shared/calendar'
import type { StoredSchedule } from '@shared/calendar/contract'
import { api, unwrap } from '@renderer/lib/api'

/** The same working-day calendar main uses: bundled schedules plus the administrators' years. */
export function useWorkCalendar() {
  const [custom, setCustom] = useState<StoredSchedule[]>([])
  const reload = useCallback(() => unwrap(api.calendar.schedules()).then(setCustom), [])
  useEffect(() => {
    void reload()
  }, [reload])
  const calendar = useMemo(() => createWorkCalendar([...defaultSchedules(), ...custom]), [custom])
  return { calendar, custom, setCustom, reload }
}
