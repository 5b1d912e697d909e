import type { ThemeConfig } from 'antd';

// Chinese fonts come right after the Latin ones so mixed text (批次 LOT-260123-0001)
// uses one CJK face on every platform: macOS, Windows, Linux.
const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  'Roboto',
  "'Helvetica Neue'",
  'Arial',
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Noto Sans SC'",
  "'Noto Sans'",
  'sans-serif',
  "'Apple Color Emoji'",
  "'Segoe UI Emoji'",
  "'Noto Color Emoji'",
].join(', ');

/** A quiet, dense look for people who work in Lotline all day. */
export const lotlineTheme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    borderRadius: 4,
    colorBgLayout: '#f4f5f7',
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 48,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      triggerBg: '#ffffff',
      triggerColor: 'rgba(0, 0, 0, 0.65)',
      lightTriggerBg: '#ffffff',
    },
    Menu: {
      itemHeight: 36,
      itemMarginBlock: 2,
      itemBorderRadius: 4,
      activeBarBorderWidth: 0,
    },
    Descriptions: {
      labelBg: '#fafafa',
    },
  },
};
