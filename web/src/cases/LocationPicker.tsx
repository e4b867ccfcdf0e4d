// Where the problem is: the device's position (WGS-84), a tap on the map, or coordinates typed in.
import { useState } from 'react';
import { Button, Collapse, Flex, InputNumber, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PointMap, type Point } from './PointMap';

type Props = {
  value: Point | null;
  onChange: (point: Point | null) => void;
  mapHeight?: number;
  hasOutlines?: boolean;
};

const isValid = (lng: number | null, lat: number | null): lng is number =>
  lng !== null && lat !== null && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;

export const LocationPicker = ({ value, onChange, mapHeight = 200, hasOutlines = false }: Props) => {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'idle' | 'locating' | 'failed' | 'unsupported'>('idle');
  const [lng, setLng] = useState<number | null>(null);
  const [lat, setLat] = useState<number | null>(null);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStatus('unsupported');
      return;
    }
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setStatus('idle');
        onChange({
          lng: Number(position.coords.longitude.toFixed(6)),
          lat: Number(position.coords.latitude.toFixed(6)),
        });
      },
      () => setStatus('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Button icon={<AimOutlined />} loading={status === 'locating'} onClick={locate} data-testid="locate">
          {status === 'locating' ? t('cases.location.locating') : t('cases.location.useDevice')}
        </Button>
        {value === null ? null : (
          <Button type="link" onClick={() => onChange(null)}>
            {t('cases.location.clear')}
          </Button>
        )}
      </Flex>
      {status === 'failed' || status === 'unsupported' ? (
        <Typography.Text type="warning">
          {status === 'failed' ? t('cases.location.failed') : t('cases.location.unsupported')}
        </Typography.Text>
      ) : null}
      <PointMap point={value} onPick={onChange} height={mapHeight} hasOutlines={hasOutlines} />
      <Typography.Text type="secondary" data-testid="picked-point">
        {value === null
          ? t('cases.location.pickOnMap')
          : t('cases.location.picked', { lng: value.lng.toFixed(5), lat: value.lat.toFixed(5) })}
      </Typography.Text>
      <Collapse
        size="small"
        items={[
          {
            key: 'coords',
            label: <span data-testid="enter-coords">{t('cases.location.enterCoords')}</span>,
            children: (
              <Flex gap={8} wrap align="center">
                <InputNumber
                  aria-label={t('cases.location.lng')}
                  placeholder={t('cases.location.lng')}
                  data-testid="coord-lng"
                  value={lng}
                  onChange={(v) => setLng(v)}
                  min={-180}
                  max={180}
                  step={0.0001}
                  style={{ width: 130 }}
                />
                <InputNumber
                  aria-label={t('cases.location.lat')}
                  placeholder={t('cases.location.lat')}
                  data-testid="coord-lat"
                  value={lat}
                  onChange={(v) => setLat(v)}
                  min={-90}
                  max={90}
                  step={0.0001}
                  style={{ width: 130 }}
                />
                <Button
                  data-testid="coord-apply"
                  disabled={!isValid(lng, lat)}
                  onClick={() => {
                    if (isValid(lng, lat) && lat !== null) {
                      onChange({ lng, lat });
                    }
                  }}
                >
                  {t('cases.location.apply')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
};
