import {
  Alert,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Input,
  Row,
  Space,
  Tag,
  Typography
} from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import {
  MAX_DATE,
  MIN_DATE,
  ageOn,
  describeDay,
  formatLunarDate,
  lunarBirthdaysInYear,
  lunarToSolar,
  parseLunarDate,
  solarToLunar
} from '@shared/calendar'
import { stationDate } from '@shared/dates'
import { LunarPicker } from '@renderer/components/LunarPicker'
import { errorMessage } from '@renderer/lib/api'
import { useMessages } from '@renderer/i18n/context'
import { calendarMessages } from './messages'

/** Gregorian and lunar inputs side by side, always showing the same day. */
export function Converter() {
  const t = useMessages(calendarMessages)
  const today = stationDate(new Date())
  const [solar, setSolar] = useState(today)
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState<string | null>(null)
  const day = useMemo(() => describeDay(solar), [solar])
  const age = ageOn(solar, today)
  const thisYear = Number(today.slice(0, 4))
  const birthdays = useMemo(
    () => lunarBirthdaysInYear(solarToLunar(solar), thisYear),
    [solar, thisYear]
  )

  const convertTyped = () => {
    try {
      setSolar(lunarToSolar(parseLunarDate(typed)))
      setTypedError(null)
    } catch (error) {
      setTypedError(errorMessage(error))
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={24}>
        <Col span={12}>
          <Card title={t('solar')}>
            <DatePicker
              id="solar-date"
              size="large"
              value={dayjs(solar)}
              minDate={dayjs(MIN_DATE)}
              maxDate={dayjs(MAX_DATE)}
              allowClear={false}
              onChange={(date) => date && setSolar(date.format('YYYY-MM-DD'))}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('lunar')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <LunarPicker
                value={solarToLunar(solar)}
                onChange={(lunar) => setSolar(lunarToSolar(lunar))}
              />
              <Input
                aria-label={t('typeLunar')}
                placeholder={t('typeLunar')}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                onPressEnter={convertTyped}
                maxLength={40}
              />
              {typedError ? <Alert type="error" showIcon title={typedError} /> : null}
            </Space>
          </Card>
        </Col>
      </Row>
      <Card title={t('result')} data-testid="conversion-result">
        <Descriptions column={2} bordered size="middle">
          <Descriptions.Item label={t('solar')}>
            <Typography.Text
              strong
              className="big-date"
            >{`${day.solar} ${day.weekday}`}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('lunar')}>
            <Typography.Text strong className="big-date">
              {day.lunarText}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('ganzhi')}>
            {`${day.ganzhi.year}年 ${day.ganzhi.month}月 ${day.ganzhi.day}日`}
          </Descriptions.Item>
          <Descriptions.Item label={t('zodiac')}>{day.zodiac}</Descriptions.Item>
          <Descriptions.Item label={t('term')}>{day.term ?? t('none')}</Descriptions.Item>
          <Descriptions.Item label={t('festivals')}>
            {day.festivals.length
              ? day.festivals.map((name) => (
                  <Tag key={name} color="red">
                    {name}
                  </Tag>
                ))
              : t('none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('birthdayThisYear', { year: thisYear })} span={2}>
            <span data-testid="birthday-this-year">
              {birthdays.length
                ? birthdays
                    .map(
                      (b) =>
                        `${b.date}（${formatLunarDate(b.lunar)}${b.adjustments.length ? `，${b.adjustments.map((a) => t(a)).join('，')}` : ''}）`
                    )
                    .join('；')
                : t('none')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('age')} span={2}>
            {age ? t('ageValue', { zhousui: age.zhousui, xusui: age.xusui }) : t('notBornYet')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  )
}
