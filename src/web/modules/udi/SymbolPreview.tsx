import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isUdiVerdict,
  UDI_SYMBOLOGIES,
  udiSymbolData,
  useUdiSymbol,
  type Udi,
  type UdiSymbology,
} from '../../api/udi.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useObjectUrl } from '../../components/use-object-url.ts';

/** The code drawn again from its canonical content, in the symbology chosen. */
export function SymbolPreview({ udi }: { udi: Udi | undefined }) {
  const { t } = useTranslation();
  const [symbology, setSymbology] = useState<UdiSymbology>('datamatrix');
  const data = udi ? udiSymbolData(udi) : undefined;
  const symbol = useUdiSymbol(data, symbology);
  const url = useObjectUrl(data === undefined ? undefined : symbol.data);
  const agency = udi?.agency ?? 'GS1';

  return (
    <Card
      size="small"
      title={t('udi.symbol.title')}
      extra={
        <Segmented<UdiSymbology>
          size="small"
          value={symbology}
          onChange={setSymbology}
          options={UDI_SYMBOLOGIES.map((value) => ({
            value,
            label: t(`udi.symbol.symbologies.${agency}.${value}`),
          }))}
          data-testid="udi-symbology"
        />
      }
    >
      {data === undefined && (
        <Typography.Text type="secondary">{t('udi.symbol.empty')}</Typography.Text>
      )}
      {data !== undefined && symbol.isPending && (
        <Flex justify="center">
          <Skeleton.Node active className="udi-symbol-skeleton" />
        </Flex>
      )}
      {data !== undefined && symbol.isError && (
        <ProblemAlert
          error={symbol.error}
          // The same data always gets the same refusal; only a failure to ask is worth retrying.
          onRetry={isUdiVerdict(symbol.error) ? undefined : () => void symbol.refetch()}
        />
      )}
      {data !== undefined && url && !symbol.isError && (
        <Flex vertical align="center" gap={8}>
          <div className="udi-symbol-frame">
            <img
              src={url}
              alt={t('udi.symbol.alt', {
                symbology: t(`udi.symbol.symbologies.${agency}.${symbology}`),
                data,
              })}
              className={symbology === 'gs1-128' ? 'udi-symbol udi-symbol-linear' : 'udi-symbol'}
              data-testid="udi-symbol"
              data-symbology={symbology}
            />
          </div>
          <Button
            size="small"
            type="link"
            icon={<DownloadOutlined />}
            href={url}
            download={`udi-${symbology}.svg`}
            data-testid="udi-symbol-download"
          >
            {t('udi.symbol.download')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
