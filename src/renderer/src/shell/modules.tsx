import {
  BookOutlined,
  CalendarOutlined,
  CameraOutlined,
  CompassOutlined,
  EnvironmentOutlined,
  NumberOutlined,
  SettingOutlined,
  TrophyOutlined
} from '@ant-design/icons'
import type { ComponentType, ReactNode } from 'react'
import type { MessageKey } from '@renderer/i18n/messages'
import { AddressModule } from '@renderer/features/address/AddressModule'
import { SettingsModule } from '@renderer/features/settings/SettingsModule'
import { CalendarModule } from '@renderer/features/calendar/CalendarModule'
import { GuideModule } from '@renderer/features/guide/GuideModule'
import { LogbooksModule } from '@renderer/features/logbooks/LogbooksModule'
import { PhotoModule } from '@renderer/features/photo/PhotoModule'
import { StaffModule } from '@renderer/features/staff/StaffModule'
import { QueueModule } from '@renderer/features/queue/QueueModule'

export interface ModuleDef {
  key: string
  label: MessageKey
  icon: ReactNode
  /** Function key that opens the module (Alt+number follows the menu order). */
  functionKey: string
  /** The module shown after sign-in. */
  home?: boolean
  component: ComponentType
}

/**
 * The modules in menu order (by F-key); the logbooks' today board is the home screen. A module appears here only once it is built; the F-keys are
 * reserved per module so they never move: F2 照相, F3 地址对照, F4 农历公历, F5 登记簿,
 * F6 办事指南, F7 考核, F8 取号叫号, F9 设置. Shift+F1…F8 are the window bar's keys (叫号…).
 */
export const modules: ModuleDef[] = [
  {
    key: 'photo',
    label: 'module.photo',
    icon: <CameraOutlined />,
    functionKey: 'F2',
    component: PhotoModule
  },
  {
    key: 'address',
    label: 'module.address',
    icon: <EnvironmentOutlined />,
    functionKey: 'F3',
    component: AddressModule
  },
  {
    key: 'calendar',
    label: 'module.calendar',
    icon: <CalendarOutlined />,
    functionKey: 'F4',
    component: CalendarModule
  },
  {
    key: 'logbooks',
    label: 'module.logbooks',
    icon: <BookOutlined />,
    functionKey: 'F5',
    home: true,
    component: LogbooksModule
  },
  {
    key: 'guide',
    label: 'module.guide',
    icon: <CompassOutlined />,
    functionKey: 'F6',
    component: GuideModule
  },
  {
    key: 'staff',
    label: 'module.staff',
    icon: <TrophyOutlined />,
    functionKey: 'F7',
    component: StaffModule
  },
  {
    key: 'queue',
    label: 'module.queue',
    icon: <NumberOutlined />,
    functionKey: 'F8',
    component: QueueModule
  },
  {
    key: 'settings',
    label: 'module.settings',
    icon: <SettingOutlined />,
    functionKey: 'F9',
    component: SettingsModule
  }
]
