import { GlobalOutlined } from '@ant-design/icons';
import { Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';
import { isLanguage, type Language } from '../i18n/language.ts';
import { useLanguage } from '../i18n/use-language.ts';

// Each language is named in itself, whatever the current UI language, so a
// person who cannot read the current one still finds their own.
const OPTIONS: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Flex align="center" gap={8}>
      <GlobalOutlined aria-hidden className="language-switch-icon" />
      <Segmented<Language>
        size="small"
        data-testid="language-switch"
        aria-label={t('shell.language')}
        value={language}
        options={OPTIONS}
        onChange={(value) => {
          if (isLanguage(value)) void changeLanguage(value);
        }}
      />
    </Flex>
  );
}
