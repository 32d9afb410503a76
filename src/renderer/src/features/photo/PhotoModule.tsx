import { Spin, Tabs } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { api, unwrap } from '@renderer/lib/api'
import { useMessages } from '@renderer/i18n/context'
import type { PhotoSpec } from '@shared/photo/spec'
import { Booth } from './Booth'
import { History } from './History'
import { SpecsEditor } from './SpecsEditor'
import { photoMessages } from './messages'
import './photo.css'

/** F2 照相: the booth, the kept photos and the specs. */
export function PhotoModule() {
  const t = useMessages(photoMessages)
  const [specs, setSpecs] = useState<PhotoSpec[] | null>(null)
  const [saved, setSaved] = useState(0)
  const loadSpecs = useCallback(() => {
    void unwrap(api.photo.specs()).then(setSpecs)
  }, [])
  useEffect(loadSpecs, [loadSpecs])
  // Another PC's spec edits (station server) show without reopening the module.
  useEffect(
    () =>
      api.on('station.changed', (change) => {
        if (change.photoSpecs.length > 0) loadSpecs()
        // Other PCs' photo records (or a removal made there): the history re-reads.
        if (change.registers.photos || change.registers.changes) setSaved((n) => n + 1)
      }),
    [loadSpecs]
  )
  if (!specs) return <Spin />
  return (
    <Tabs
      className="wrapping-tabs"
      destroyOnHidden
      items={[
        {
          key: 'booth',
          label: t('tab.booth'),
          children: <Booth specs={specs} onSaved={() => setSaved((n) => n + 1)} />
        },
        { key: 'history', label: t('tab.history'), children: <History version={saved} /> },
        {
          key: 'specs',
          label: t('tab.specs'),
          children: <SpecsEditor specs={specs} onSaved={loadSpecs} />
        }
      ]}
    />
  )
}
