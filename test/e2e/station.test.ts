import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateServerDatabase } from '../../src/main/station/migrate'
import { knownServerMigrations } from '../../src/main/station/server'
import { pullVersioned } from '../../src/main/station/versioned'
import { conflictRecorder } from '../../src/main/station/outbox'
import { GUIDE_DOCUMENT_KEY, readGuideDocument } from '../../src/main/guide/guide-document'
import { linkStation, uploadOutbox } from '../../src/main/station/uploader'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import { createServerDatabase, OWNER, roleClient, WINDOW } from '../helpers/pg-test'
import { serverStationKey, STATION_PASSPHRASE, stationTranscoder } from '../helpers/station-keys'
import { openTestServices, repoRoot } from '../helpers/services'
import { startTcpProxy } from '../helpers/tcp-proxy'
import { launchBrowser, startApp, wrappedTexts, type RunningApp } from './harness'

const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }

describe('本所服务器: the administrator links this PC, the status bar follows the server', () => {
  let browser: Browser
  let app: RunningApp
  let cluster: PgCluster
  let database: string

  beforeAll(async () => {
    cluster = await startPgCluster()
    database = await createServerDatabase('e2e', cluster)
    const owner = await roleClient(OWNER, database, cluster)
    await migrateServerDatabase(owner, join(repoRoot, 'drizzle-pg'))
    await owner.end()
    browser = await launchBrowser()
    app = await startApp(browser, { signedIn: true, stationUploadIntervalMs: 1000 })
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
    cluster?.stop()
  })

  it('tests the connection, refuses a bad address at its field, saves and uploads', async () => {
    const { page } = app
    await page.getByTestId('status-operator').waitFor()
    // A PC on its own shows no station item.
    expect(await page.getByTestId('status-station').count()).toBe(0)
    await page.keyboard.press('F9')
    await page.getByRole('tab', { name: '本所服务器' }).click()
    const form = page.getByTestId('station-form')
    await form.getByLabel('服务器地址').fill('bad host')
    await form.getByLabel('端口').fill(String(cluster.port))
    await form.getByLabel('数据库名').fill(database)
    await form.getByLabel('用户名').fill(WINDOW.user)
    await form.getByLabel('密码').fill(WINDOW.password)
    await form.getByLabel('签发服务器证书的 CA（PEM）').fill(readFileSync(cluster.caFile, 'utf8'))
    await page.getByRole('button', { name: '测试连接' }).click()
    await page.getByText('服务器地址只能是主机名或 IP 地址').waitFor()

    await form.getByLabel('服务器地址').fill('localhost')
    await page.getByRole('button', { name: '测试连接' }).click()
    const report = page.getByTestId('station-report')
    await report.getByText(`用户 ${WINDOW.user} 不是超级用户`).waitFor()
    await report.getByText('连接已加密（TLS），服务器证书已验证').waitFor()
    await report
      .getByText(
        `服务器架构为最新（${knownServerMigrations(join(repoRoot, 'drizzle-pg'))} 个迁移）`
      )
      .waitFor()
    await app.screenshot('station-01-test')
    expect(app.services.station.status().configured).toBe(false)

    // The first PC of the station must set the station key's passphrase: asked at its field.
    await page.getByRole('button', { name: '保存并上传本机登记' }).click()
    await page.getByRole('button', { name: /确\s*定|OK/ }).click()
    await form.getByText('请填写本所密钥口令').waitFor()
    expect(app.services.station.status().configured).toBe(false)
    await form.getByLabel('本所密钥口令').fill(STATION_PASSPHRASE)
    await form.getByLabel('本机名称').fill('  1号窗口 ')
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' })

    await page.getByRole('button', { name: '保存并上传本机登记' }).click()
    await page.getByRole('button', { name: /确\s*定|OK/ }).click()
    await page.getByTestId('station-status').getByText('待上传：0').waitFor()
    await page
      .getByTestId('status-station')
      .getByText('本所服务器：已同步')
      .waitFor({ timeout: 20_000 })
    // The last upload in station time (UTC+8), as every other time on screen: a minute ago,
    // not eight hours.
    const shown = (await page.getByTestId('station-status').innerText()).match(
      /最近一次上传：(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})/
    )!
    const uploadedAt = Date.parse(`${shown[1]}T${shown[2]}+08:00`)
    expect(Math.abs(Date.now() - uploadedAt)).toBeLessThan(120_000)
    const server = await roleClient(WINDOW, database, cluster)
    try {
      const admins = await server.query('SELECT username FROM operators')
      expect(admins.rows.map((row) => row.username)).toEqual(['admin'])
      // Its name, for the other PCs' photo records.
      const names = await server.query('SELECT name FROM station_devices')
      expect(names.rows).toEqual([{ name: '1号窗口' }])
    } finally {
      await server.end()
    }
    // The passphrase is not kept in the form; this PC holds the key now.
    await expect
      .poll(() => form.getByLabel('本所密钥口令').getAttribute('placeholder'))
      .toBe('本机已有本所密钥（留空则不变）')
    expect(await form.getByLabel('本所密钥口令').inputValue()).toBe('')
    await app.screenshot('station-02-saved')
  })

  it('shows 离线（n 条待上传） while the server is down and catches up when it is back', async () => {
    const { page, services } = app
    const clerkId = (
      await services.operators.create(
        { ...CLERK, role: 'clerk', passwordHash: await services.auth.hashPassword(CLERK.password) },
        services.auth.current()!.operator.id
      )
    ).id
    cluster.pause()
    try {
      await services.logbooks.service.create(
        {
          book: 'phone',
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          status: 'open',
          fields: {
            callerName: '王秀英',
            sex: 'female',
            address: '月坛北街 3 号楼',
            matter: '预约上门办理居住登记',
            callerPhone: '138 1234 5678'
          }
        },
        clerkId
      )
      await page
        .getByTestId('status-station')
        .getByText(/离线（\d+ 条待上传）/)
        .waitFor({ timeout: 30_000 })
      await app.screenshot('station-03-offline')
    } finally {
      cluster.resume()
    }
    await page
      .getByTestId('status-station')
      .getByText('本所服务器：已同步')
      .waitFor({ timeout: 30_000 })
    const server = await roleClient(WINDOW, database, cluster)
    try {
      const entries = await server.query(
        'SELECT count(*)::int AS n FROM logbook_phone WHERE created_by = $1',
        [clerkId]
      )
      expect(entries.rows[0].n).toBe(1)
    } finally {
      await server.end()
    }
  })

  it('a setting another PC changed first is shown to the administrator, who sends this PC’s value again', async () => {
    const { page, services } = app
    const adminId = services.auth.current()!.operator.id
    // This PC's cable runs through a proxy the test can unplug; the server and PC B stay up.
    const cable = await startTcpProxy(cluster.port)
    const other = await openTestServices()
    try {
      await services.station.save(
        {
          host: 'localhost',
          port: cable.port,
          database,
          user: WINDOW.user,
          tls: 'verify',
          caPem: readFileSync(cluster.caFile, 'utf8')
        },
        WINDOW.password,
        STATION_PASSPHRASE,
        adminId
      )
      await other.auth.setupAdmin({
        username: 'admin_b',
        displayName: '赵磊',
        password: 'Station2026'
      })
      const otherAdmin = other.auth.current()!.operator.id
      other.sqlite.transaction(() =>
        linkStation(other.sqlite, other.deviceId, new Date().toISOString())
      )()
      const otherUpload = async () => {
        const server = await roleClient(WINDOW, database, cluster)
        try {
          await uploadOutbox({
            sqlite: other.sqlite,
            db: other.db,
            server,
            deviceId: other.deviceId,
            now: () => new Date(),
            transcoder: stationTranscoder(other, await serverStationKey(server)),
            addresses: other.address.station
          })
          const pulled = await pullVersioned({
            sqlite: other.sqlite,
            db: other.db,
            server,
            deviceId: other.deviceId,
            at: new Date().toISOString()
          })
          return pulled.settings
        } finally {
          await server.end()
        }
      }
      await otherUpload()

      await cable.cut()
      await page.keyboard.press('F9')
      await page.getByRole('tab', { name: '常规' }).click()
      await page.getByLabel('单位名称').fill('月坛派出所一号窗口')
      await page
        .getByRole('button', { name: /保\s*存/ })
        .first()
        .click()
      await page.getByText('已保存').first().waitFor()
      await page
        .getByTestId('status-station')
        .getByText(/离线（\d+ 条待上传）/)
        .waitFor({ timeout: 30_000 })
      // Meanwhile PC B, still connected, names the station differently.
      await other.settings.update(
        { stationName: '月坛派出所户籍窗口' },
        { operatorId: otherAdmin, deviceId: other.deviceId }
      )
      await otherUpload()

      await cable.restore()
      const flag = page.getByTestId('status-station-conflicts')
      await flag.getByText('1 处与服务器不同').waitFor({ timeout: 30_000 })
      expect((await services.settings.get()).stationName).toBe('月坛派出所户籍窗口')
      await flag.click()
      const dialog = page.getByRole('dialog', { name: '与服务器不同的记录' })
      const row = dialog.getByRole('row', { name: /单位名称/ })
      await row.getByText('月坛派出所一号窗口').waitFor()
      await row.getByText('月坛派出所户籍窗口').waitFor()
      await row.getByText('设置值').waitFor()
      // Every header on one line (字段 was squeezed into 字/段).
      expect(await wrappedTexts(dialog.locator('th'))).toEqual([])
      // The dialog's zoom has finished (its class drops ant-zoom), so the picture shows it whole.
      await page.locator('.ant-modal:not(.ant-zoom)').waitFor()
      await app.screenshot('station-04-conflict')

      await row.getByRole('button', { name: '改用本机的值' }).click()
      await page.getByText('已改用本机的值，正在上传').waitFor()
      await row.waitFor({ state: 'detached' })
      expect(await flag.count()).toBe(0)
      const server = await roleClient(WINDOW, database, cluster)
      try {
        await expect
          .poll(
            async () =>
              (await server.query(`SELECT value, version FROM settings WHERE key = 'stationName'`))
                .rows,
            { timeout: 15_000 }
          )
          .toEqual([{ value: '"月坛派出所一号窗口"', version: 2 }])
      } finally {
        await server.end()
      }
      // PC B takes it on its next round (the 常规 form saved the lock time too).
      expect(await otherUpload()).toEqual(['stationName', 'idleLockMinutes'])
      expect((await other.settings.get()).stationName).toBe('月坛派出所一号窗口')

      // PC B renames the station again: this PC's open 常规 form shows it without a reload.
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden' })
      await other.settings.update(
        { stationName: '月坛派出所便民服务窗口' },
        { operatorId: otherAdmin, deviceId: other.deviceId }
      )
      await otherUpload()
      await expect
        .poll(async () => (await services.settings.get()).stationName, { timeout: 20_000 })
        .toBe('月坛派出所便民服务窗口')
      await expect
        .poll(() => page.getByLabel('单位名称').inputValue(), { timeout: 20_000 })
        .toBe('月坛派出所便民服务窗口')
      await app.screenshot('station-05-live-setting')

      // PC B's window books a call: it appears in this PC's open phone book without a reload.
      await page.keyboard.press('F5')
      await page.getByRole('tab', { name: '电话预约登记簿' }).click()
      await page.getByRole('button', { name: '新登记' }).waitFor()
      await other.logbooks.service.createMany(
        [
          {
            book: 'phone',
            occurredAt: new Date(Date.now() - 60_000).toISOString(),
            status: 'open',
            fields: {
              callerName: '欧阳秀英',
              sex: 'female',
              address: '月坛北街 5 号楼',
              matter: '预约上门办理居住登记',
              callerPhone: '139 1111 2222'
            }
          }
        ],
        otherAdmin
      )
      await otherUpload()
      await page.getByRole('cell', { name: '欧阳秀英' }).waitFor({ timeout: 20_000 })
      await app.screenshot('station-06-live-entry')

      // An account PC B's administrator makes appears in this PC's open operators list.
      await page.keyboard.press('F9')
      await page.getByRole('tab', { name: '操作员' }).click()
      await page.getByRole('button', { name: '添加操作员' }).waitFor()
      await other.operators.create(
        { username: 'qian.field', displayName: '钱立群', role: 'field', passwordHash: 'x' },
        otherAdmin
      )
      await otherUpload()
      await page.getByRole('cell', { name: '钱立群' }).waitFor({ timeout: 20_000 })

      // A lost race over that account, as accounts.ts keeps it: shown with the roles' names and
      // 是/否, not the stored codes.
      const qian = (await services.operators.findByUsername('qian.field'))!
      conflictRecorder(services.sqlite)({
        seq: 0,
        table: 'operators',
        pk: qian.id,
        local: { display_name: '钱立群', role: 'clerk', active: true },
        server: { display_name: '钱立群', role: 'field', active: false, version: 2 },
        at: new Date().toISOString()
      })
      await page.getByRole('tab', { name: '本所服务器' }).click()
      const conflicts = page.getByTestId('station-conflicts')
      const roleRow = conflicts.getByRole('row', { name: /角色/ })
      await roleRow.getByText('窗口民警').waitFor()
      await roleRow.getByText('外勤民警').waitFor()
      const activeRow = conflicts.getByRole('row', { name: /启用/ })
      await activeRow.getByText('是', { exact: true }).waitFor()
      await activeRow.getByText('否', { exact: true }).waitFor()
      expect(await conflicts.getByText('field', { exact: true }).count()).toBe(0)

      // PC B's administrator edits the guide: this PC's open business shows it without a reload.
      await page.keyboard.press('F6')
      await page.getByTestId('guide-sample-notice').waitFor()
      await page.keyboard.press('1')
      await page.keyboard.press('1')
      await page.getByTestId('guide-business-name').waitFor()
      const {
        categoryName: _n,
        categoryMenuNumber: _m,
        updatedAt: _u,
        conditions: _c,
        ...moveOut
      } = await other.guide.repo.business('HK-OUT')
      await other.guide.saveBusiness(
        { ...moveOut, promisedTime: '材料齐全即时办结（本所已核对）' },
        otherAdmin
      )
      await otherUpload()
      await page.getByText('材料齐全即时办结（本所已核对）').waitFor({ timeout: 20_000 })
      await app.screenshot('station-09-live-guide')

      // A lost race over the guide is listed by business, under 办事指南, not as its document.
      const guideHere = readGuideDocument(services.db)
      const guideThere = structuredClone(guideHere)
      guideThere.categories[0]!.businesses[0]!.fee = '免费（本所核对）'
      conflictRecorder(services.sqlite)({
        seq: 0,
        table: 'settings',
        pk: GUIDE_DOCUMENT_KEY,
        local: { value: JSON.stringify(guideHere), version: 2 },
        server: { value: JSON.stringify(guideThere), version: 3 },
        at: new Date().toISOString()
      })
      await page.keyboard.press('F9')
      await page.getByRole('tab', { name: '本所服务器' }).click()
      const guideRow = page.getByTestId('station-conflicts').getByRole('row', { name: /HK-OUT/ })
      await guideRow.getByText('办事指南').waitFor()
      await guideRow.getByText(/收费：免费（本所核对）/).waitFor()
      expect(await page.getByTestId('station-conflicts').getByText('"categories"').count()).toBe(0)

      // PC B adds a row to the station's address table: this PC's open table shows it.
      await page.keyboard.press('F3')
      await page.getByTestId('address-browse-open').click()
      const table = page.getByTestId('address-browse')
      await table.waitFor()
      const added = other.address.create(
        { oldText: '宣武区广安门外大街甲 305 号', newText: '西城区广安门外大街 305 号' },
        otherAdmin
      )
      await otherUpload()
      await table.getByText('西城区广安门外大街 305 号').waitFor({ timeout: 20_000 })
      await page.getByText('对照表（共 1 条）').waitFor()
      await app.screenshot('station-10-live-address')

      // A lost race over that row is listed under 地址对照 by its old and new address; this PC's
      // value cannot be sent again from here (the clerk changes the row again instead).
      conflictRecorder(services.sqlite)({
        seq: 0,
        table: 'address_changes',
        pk: added.id,
        local: { old_text: added.oldText, new_text: '西城区广外大街 305 号', note: '本机' },
        server: { old_text: added.oldText, new_text: added.newText, note: null },
        at: new Date().toISOString()
      })
      await page.keyboard.press('Escape')
      await page.keyboard.press('F9')
      await page.getByRole('tab', { name: '本所服务器' }).click()
      const addressRow = page.getByTestId('station-conflicts').getByRole('row', { name: /新地址/ })
      await addressRow.getByText('地址对照').waitFor()
      await addressRow.getByText('西城区广外大街 305 号').waitFor()
      await addressRow.getByText('西城区广安门外大街 305 号').waitFor()
      expect(await addressRow.getByRole('button', { name: '改用本机的值' }).count()).toBe(0)
    } finally {
      other.cleanup()
      await cable.close()
    }
  })

  it('a new PC joins the station at first start and signs in with the station’s account', async () => {
    // The join's answer held back a moment, so the screen's progress can be seen at its end.
    const joining = await startApp(browser, { delayChannels: { 'station:join': 2000 } })
    try {
      const { page } = joining
      await page.getByRole('button', { name: '本所已有服务器和账户？加入本所服务器' }).click()
      const form = page.getByTestId('join-form')
      // Nothing typed: every field is asked for at its place, nothing is sent.
      await page.getByRole('button', { name: '连接并下载账户' }).click()
      await form.getByText('请填写本所密钥口令').waitFor()
      await form.getByLabel('服务器地址').fill('localhost')
      await form.getByLabel('端口').fill(String(cluster.port))
      await form.getByLabel('数据库名').fill(database)
      await form.getByLabel('用户名').fill(WINDOW.user)
      await form.getByLabel('密码').fill(WINDOW.password)
      await form.getByLabel('本所密钥口令').fill('不是本所的口令不是本所的口令')
      await form.getByLabel('签发服务器证书的 CA（PEM）').fill(readFileSync(cluster.caFile, 'utf8'))
      await page.getByRole('button', { name: '连接并下载账户' }).click()
      // A wrong passphrase is refused at its field; the PC stays unlinked, without accounts.
      await form.getByText(/口令不对/).waitFor({ timeout: 20_000 })
      expect(joining.services.station.status().configured).toBe(false)
      expect(await joining.services.operators.count()).toBe(0)
      await joining.screenshot('station-07-join-refused')

      await form.getByLabel('本所密钥口令').fill(STATION_PASSPHRASE)
      await page.getByRole('button', { name: '连接并下载账户' }).click()
      // How far the first round got: every row the station's PCs uploaded.
      await page
        .getByTestId('join-progress')
        .getByText(/正在取得本所的账户和登记：(\d+) \/ \1$/)
        .waitFor({ timeout: 30_000 })
      // The station's administrator (set up on the first PC) signs in here.
      await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 30_000 })
      await page.getByLabel('用户名').fill('admin')
      await page.getByLabel('密码').fill('Station2026')
      await page.getByRole('button', { name: '登录' }).click()
      await page.getByTestId('status-operator').getByText('王建国').waitFor()
      expect(joining.services.station.status().configured).toBe(true)
      await joining.screenshot('station-08-joined')
    } finally {
      await joining.close()
    }
  })

  it('the auditor reads the whole station’s audit log on the server and verifies each PC’s chain', async () => {
    const { page, services } = app
    const adminId = services.auth.current()!.operator.id
    // Straight to the server again (the test before this unplugged its proxy), named.
    await services.station.save(
      {
        host: 'localhost',
        port: cluster.port,
        database,
        user: WINDOW.user,
        tls: 'verify',
        caPem: readFileSync(cluster.caFile, 'utf8'),
        pcName: '1号窗口'
      },
      WINDOW.password,
      undefined,
      adminId
    )
    await services.operators.create(
      {
        username: 'shen.audit',
        displayName: '沈审计',
        role: 'auditor',
        passwordHash: await services.auth.hashPassword('Audit-2026')
      },
      adminId
    )
    await services.station.uploadNow()
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByLabel('用户名').fill('shen.audit')
    await page.getByLabel('密码').fill('Audit-2026')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByTestId('status-operator').getByText('沈审计').waitFor()
    await page.getByRole('tab', { name: '审计日志' }).click()
    await page.getByTestId('audit-scope').getByText('全所（本所服务器）').click()
    const server = await roleClient(WINDOW, database, cluster)
    let devices: number
    let ownName: string
    try {
      devices = Number(
        (await server.query('SELECT count(DISTINCT device_id) AS n FROM audit_log')).rows[0].n
      )
      ownName = (
        await server.query('SELECT name FROM station_devices WHERE device_id = $1', [
          services.deviceId
        ])
      ).rows[0].name
    } finally {
      await server.end()
    }
    const table = page.locator('.ant-table')
    await table.getByRole('columnheader', { name: '电脑' }).waitFor()
    // This PC's rows under its name, beside the other PCs' of this run.
    await table.getByRole('cell', { name: ownName, exact: true }).first().waitFor()
    await page.getByRole('button', { name: '校验审计链' }).click()
    const verdict = page.getByTestId('audit-station-verification')
    await verdict.waitFor()
    const lines = await verdict.locator('.ant-alert-title > div').allTextContents()
    expect(lines).toHaveLength(devices)
    for (const line of lines) expect(line).toMatch(/：\d+ 条，审计链完整$/)
    expect(lines.some((line) => line.startsWith(`${ownName}：`))).toBe(true)
    await app.screenshot('station-11-audit-station')
  })
})
