import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { markPosition, visibleChar, visibleText } from './scan-text.ts';

/** A code the server refused: its translated reason, the AI, and the data with the bad character marked. */
export function ScanError({ error, input }: { error: ApiError; input: string }) {
  const { t } = useTranslation();
  const ai = typeof error.params?.ai === 'string' ? error.params.ai : undefined;
  const position = typeof error.params?.position === 'number' ? error.params.position : undefined;
  const marked = markPosition(input, position);

  const details = (
    <Flex vertical gap={6} className="udi-error-details">
      {ai !== undefined && (
        <Typography.Text data-testid="udi-error-ai">
          {t('udi.error.ai')} <span className="mono">({ai})</span>
        </Typography.Text>
      )}
      {marked && position !== undefined && (
        <Typography.Text data-testid="udi-error-position-text">
          {marked.at
            ? t('udi.error.position', { position, character: visibleChar(marked.at) })
            : t('udi.error.positionAtEnd', { position })}
        </Typography.Text>
      )}
      <div className="mono udi-echo" data-testid="udi-error-input">
        {marked ? (
          <>
            {visibleText(marked.before)}
            <mark
              className={marked.at ? 'udi-echo-mark' : 'udi-echo-mark udi-echo-end'}
              data-testid="udi-error-position"
              data-position={position}
              title={t('udi.error.markTitle')}
            >
              {marked.at ? visibleChar(marked.at) : '\u00a0'}
            </mark>
            {visibleText(marked.after)}
          </>
        ) : (
          visibleText(input)
        )}
      </div>
      {error.detail && (
        <Typography.Text type="secondary" className="udi-error-detail">
          {t('udi.error.detail')} <span className="mono">{error.detail}</span>
        </Typography.Text>
      )}
    </Flex>
  );

  return (
    <div data-testid="udi-error" data-code={error.code}>
      <ProblemAlert error={error} extra={details} />
    </div>
  );
}
