import { defineAddress } from './address'
import { defineCalendar } from './calendar'
import { defineFoundation } from './foundation'
import { defineGuide } from './guide'
import type { Kit } from './kit/types'
import { defineLogbooks } from './logbooks'
import { definePhoto } from './photo'
import { defineQueue } from './queue'
import { defineStaff } from './staff'

/** Every table, built with one dialect's kit (SQLite for the app, PostgreSQL for the station). */
export function defineSchema(kit: Kit) {
  const foundation = defineFoundation(kit)
  const { operators } = foundation
  const guide = defineGuide(kit, { operators })
  return {
    ...foundation,
    ...defineCalendar(kit, { operators }),
    ...defineLogbooks(kit, { operators }),
    ...guide,
    ...defineAddress(kit, { operators }),
    ...definePhoto(kit, { operators }),
    ...defineStaff(kit, { operators }),
    ...defineQueue(kit, { operators, guideBusinesses: guide.guideBusinesses })
  }
}
