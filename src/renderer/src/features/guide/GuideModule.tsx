import { Alert, App, Card, Empty, Input, List, Space, Tag, Tree, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useApp } from '@renderer/AppContext'
import { useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { GUIDE_DOCUMENT_KEY, type GuideTree, type SearchHit } from '@shared/guide/contract'
import { BusinessDetail } from './BusinessDetail'
import { CategoryPanel } from './CategoryPanel'
import { OfficeButton, VoiceScriptButton } from './GuideTools'
import { guideMessages } from './messages'
import { useMenuKeys } from './useMenuKeys'
import './guide.css'

/** 办事指南: the phone menu on screen, search, a business's detail and the resident checklist. */
export function GuideModule() {
  const t = useMessages(guideMessages)
  const { message } = App.useApp()
  const { session } = useApp()
  const isAdmin = session.operator.role === 'admin'
  const [tree, setTree] = useState<GuideTree | null>(null)
  /** Menu numbers pressed so far: [] top, [category], [category, business]. */
  const [path, setPath] = useState<number[]>([])
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[]>([])
  const [expanded, setExpanded] = useState<string[]>([])

  /** Moves to a menu position, unfolding its category in the tree. */
  const go = useCallback((next: number[]) => {
    setPath(next)
    if (next[0] !== undefined) {
      const key = `c${next[0]}`
      setExpanded((keys) => (keys.includes(key) ? keys : [...keys, key]))
    }
  }, [])

  const reload = useCallback(() => {
    unwrap(api.guide.tree()).then(setTree, (error: unknown) => message.error(errorMessage(error)))
  }, [message])
  useEffect(reload, [reload])
  /** Bumped when another PC's guide arrives (station server): the open business re-reads. */
  const [revision, setRevision] = useState(0)
  useEffect(
    () =>
      api.on('station.changed', (change) => {
        if (!change.settings.includes(GUIDE_DOCUMENT_KEY)) return
        reload()
        setRevision((n) => n + 1)
      }),
    [reload]
  )

  // Searched again when another PC's guide arrives (revision).
  useEffect(() => {
    const q = query.trim()
    if (!q) return
    const timer = setTimeout(() => {
      unwrap(api.guide.search({ query: q })).then(setHits, () => setHits([]))
    }, 150)
    return () => clearTimeout(timer)
  }, [query, revision])

  const category = tree?.categories.find((c) => c.menuNumber === path[0])
  const business = category?.businesses.find((b) => b.menuNumber === path[1])

  const onDigit = useCallback(
    (digit: number) => {
      if (!tree) return
      if (path.length === 0 && tree.categories.some((c) => c.menuNumber === digit)) go([digit])
      else if (path.length === 1 && category?.businesses.some((b) => b.menuNumber === digit))
        go([path[0]!, digit])
    },
    [tree, path, category, go]
  )
  const onUp = useCallback(() => setPath((current) => current.slice(0, -1)), [])
  useMenuKeys(onDigit, onUp)

  const openCode = (code: string) => {
    for (const c of tree?.categories ?? []) {
      const found = c.businesses.find((b) => b.code === code)
      if (found) go([c.menuNumber, found.menuNumber])
    }
  }

  const treeData = useMemo(
    () =>
      (tree?.categories ?? []).map((c) => ({
        key: `c${c.menuNumber}`,
        title: (
          <span className="guide-node">
            <b className="guide-key">{c.menuNumber}</b>
            {c.name}
          </span>
        ),
        children: c.businesses.map((b) => ({
          key: `c${c.menuNumber}-${b.menuNumber}`,
          title: (
            <span className="guide-node" data-testid={`guide-node-${b.code}`}>
              <b className="guide-key">{b.menuNumber}</b>
              {b.name}
            </span>
          )
        }))
      })),
    [tree]
  )
  const selectedKey = path.length ? `c${path.join('-')}` : undefined

  const onSelectKey = (key: string) => {
    go(key.slice(1).split('-').map(Number))
  }

  if (!tree) return null
  return (
    <div className="guide">
      <Alert
        className="guide-sample"
        type="warning"
        showIcon
        title={tree.sampleNotice}
        data-testid="guide-sample-notice"
      />
      <div className="guide-columns">
        <Card className="guide-menu" size="small">
          <Input.Search
            allowClear
            maxLength={40}
            value={query}
            placeholder={t('searchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
            aria-label={t('searchPlaceholder')}
          />
          {query.trim() ? (
            <List
              className="guide-hits"
              locale={{ emptyText: t('noResults') }}
              dataSource={hits}
              renderItem={(hit) => (
                <List.Item className="guide-hit" onClick={() => openCode(hit.code)}>
                  <div>
                    <div>
                      {hit.categoryName} / <b>{hit.name}</b>
                    </div>
                    {hit.snippet ? (
                      <Typography.Text type="secondary">
                        {hit.matchedBy === 'material' ? t('matchedMaterial') : t('matchedText')}：
                        {hit.snippet}
                      </Typography.Text>
                    ) : null}
                  </div>
                </List.Item>
              )}
            />
          ) : null}
          <div className="guide-keys" data-testid="guide-key-path">
            {t('keyPath')}：{path.length ? path.join(' › ') : t('root')}
          </div>
          <Tree
            className="guide-tree"
            blockNode
            treeData={treeData}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys.map(String))}
            selectedKeys={selectedKey ? [selectedKey] : []}
            onSelect={(keys) => keys[0] !== undefined && onSelectKey(String(keys[0]))}
          />
          <Typography.Paragraph type="secondary" className="guide-hint">
            {t('keysHint')}
          </Typography.Paragraph>
          <Space wrap>
            <VoiceScriptButton />
            <OfficeButton isAdmin={isAdmin} />
          </Space>
        </Card>
        <div className="guide-detail">
          {business ? (
            <BusinessDetail
              key={business.code}
              code={business.code}
              categories={tree.categories}
              isAdmin={isAdmin}
              onSaved={reload}
              revision={revision}
            />
          ) : category ? (
            <CategoryPanel
              category={category}
              isAdmin={isAdmin}
              onOpen={(n) => go([category.menuNumber, n])}
              onSaved={(saved) => {
                reload()
                go([saved.menuNumber])
              }}
            />
          ) : (
            <Card>
              <Empty description={t('pickBusiness')} />
              <Typography.Title level={5}>{t('promises')}</Typography.Title>
              <List
                size="small"
                dataSource={tree.promises}
                renderItem={(promise) => (
                  <List.Item>
                    {promise.text}
                    {promise.sample ? <Tag color="orange">{t('sampleTag')}</Tag> : null}
                  </List.Item>
                )}
              />
            </Card>
          )}
        </div>
      </div>
    </div>
  )
}
