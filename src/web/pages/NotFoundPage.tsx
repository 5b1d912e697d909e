import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useDocumentTitle } from '../components/Page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  useDocumentTitle(`${t('notFound.title')} · ${t('app.name')}`);
  return (
    <Result
      status="404"
      title={<span data-testid="page-title">{t('notFound.title')}</span>}
      subTitle={t('notFound.subtitle', { path: pathname })}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('notFound.backHome')}
        </Button>
      }
    />
  );
}
