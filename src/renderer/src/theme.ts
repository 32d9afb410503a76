import type { ThemeConfig } from 'antd'

/** Legible at a counter: larger type and controls than Ant Design's defaults. */
export const theme: ThemeConfig = {
  token: {
    fontSize: 16,
    controlHeight: 38,
    colorPrimary: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", system-ui, sans-serif'
  }
}
