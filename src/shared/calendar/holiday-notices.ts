// State Council notices behind each year's arrangement. Titles are given only where we are sure of
// them; other years fall back to 'State Council notice for YEAR'. URLs as cited by chinese-days.
// Late-December dates are listed under their own calendar year even when the following year's
// notice arranged them (e.g. 2018-12-29…31 come from the 2019 notice).

export interface HolidayNotice {
  title: string
  url?: string
  /** further notices that changed the year's arrangement */
  amendments?: { title: string; url?: string }[]
}

const standard = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`
const gov = (p: string): string => `https://www.gov.cn/${p}.htm`

export const HOLIDAY_NOTICES: Readonly<Record<number, HolidayNotice>> = {
  2004: {
    title: standard(2004),
    url: 'https://zh.wikisource.org/zh-hans/国务院办公厅关于2004年部分节假日安排的通知'
  },
  2006: { title: standard(2006), url: gov('jrzg/2005-12/22/content_133837') },
  2007: { title: standard(2007), url: gov('fwxx/sh/2006-12/18/content_471877') },
  2008: { title: standard(2008), url: gov('zwgk/2007-12/18/content_837184') },
  2009: { title: standard(2009), url: gov('zwgk/2008-12/10/content_1174014') },
  2010: { title: standard(2010), url: gov('zwgk/2009-12/08/content_1482691') },
  2011: { title: standard(2011), url: gov('zwgk/2010-12/10/content_1762643') },
  2012: { title: standard(2012), url: gov('zwgk/2011-12/06/content_2012097') },
  2013: { title: standard(2013), url: gov('zwgk/2012-12/10/content_2286598') },
  2014: { title: standard(2014), url: gov('zwgk/2013-12/11/content_2546204') },
  2015: {
    title: standard(2015),
    url: gov('zhengce/content/2014-12/16/content_9302'),
    amendments: [
      {
        title: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知',
        url: gov('zhengce/content/2015-05/13/content_9742')
      }
    ]
  },
  2016: { title: standard(2016), url: gov('zhengce/content/2015-12/10/content_10394') },
  2017: { title: standard(2017), url: gov('zhengce/content/2016-12/01/content_5141603') },
  2018: { title: standard(2018), url: gov('zhengce/content/2017-11/30/content_5243579') },
  2019: {
    title: standard(2019),
    url: gov('xinwen/2018-12/06/content_5346287'),
    amendments: [
      {
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        url: gov('zhengce/content/2019-03/22/content_5375877')
      }
    ]
  },
  2020: {
    title: standard(2020),
    url: gov('zhengce/content/2019-11/21/content_5454164'),
    amendments: [
      {
        title: '国务院办公厅关于延长2020年春节假期的通知',
        url: gov('zhengce/content/2020-01/27/content_5472352')
      }
    ]
  },
  2021: { title: standard(2021), url: gov('zhengce/content/2020-11/25/content_5564127') },
  2022: { title: standard(2022), url: gov('zhengce/content/2021-10/25/content_5644835') },
  2023: { title: standard(2023), url: gov('zhengce/content/2022-12/08/content_5730844') },
  2024: { title: standard(2024), url: gov('zhengce/content/202310/content_6911527') },
  2025: { title: standard(2025), url: gov('zhengce/zhengceku/202411/content_6986383') },
  2026: { title: standard(2026), url: gov('zhengce/zhengceku/202511/content_7047091') }
}

export function noticeFor(year: number): HolidayNotice {
  return HOLIDAY_NOTICES[year] ?? { title: `State Council notice for ${year}` }
}
