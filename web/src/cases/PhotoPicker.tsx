// Picks up to nine photos, downscales them in the browser and shows thumbnails with a remove button.
import { useRef, useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ACCEPT_ATTRIBUTE, isPrepared, MAX_PHOTOS, preparePhoto, type PreparedPhoto } from '../common/photos';

type Props = { value: PreparedPhoto[]; onChange: (photos: PreparedPhoto[]) => void; testId?: string };

export const PhotoPicker = ({ value, onChange, testId = 'photo-input' }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [isPreparing, setIsPreparing] = useState(false);

  const add = async (files: File[]) => {
    setIsPreparing(true);
    try {
      const room = MAX_PHOTOS - value.length;
      if (files.length > room) {
        void message.warning(t('cases.photos.limit', { count: MAX_PHOTOS }));
      }
      const results = await Promise.all(files.slice(0, Math.max(0, room)).map(preparePhoto));
      for (const r of results) {
        if (!isPrepared(r)) {
          void message.error(
            r.kind === 'badType'
              ? t('cases.photos.badType')
              : r.kind === 'tooLarge'
                ? t('cases.photos.tooLarge', { name: r.name })
                : t('cases.photos.failed', { name: r.name }),
          );
        }
      }
      onChange([...value, ...results.filter(isPrepared)]);
    } finally {
      setIsPreparing(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8}>
        {value.map((photo) => (
          <div key={photo.key} style={{ position: 'relative', width: 72, height: 72 }}>
            <img
              src={photo.dataUrl}
              alt={photo.name}
              style={{
                width: 72,
                height: 72,
                objectFit: 'cover',
                borderRadius: 6,
                border: '1px solid #f0f0f0',
              }}
            />
            <Button
              size="small"
              shape="circle"
              danger
              aria-label={t('cases.photos.remove')}
              icon={<CloseOutlined />}
              style={{ position: 'absolute', top: -6, right: -6 }}
              onClick={() => onChange(value.filter((p) => p.key !== photo.key))}
            />
          </div>
        ))}
        {value.length < MAX_PHOTOS ? (
          <Button
            style={{ width: 72, height: 72 }}
            loading={isPreparing}
            icon={<CameraOutlined />}
            aria-label={t('cases.photos.add')}
            onClick={() => input.current?.click()}
          />
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {isPreparing ? t('cases.photos.preparing') : t('cases.photos.limit', { count: MAX_PHOTOS })}
      </Typography.Text>
      <input
        ref={input}
        data-testid={testId}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        style={{ display: 'none' }}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          void add(files);
        }}
      />
    </Flex>
  );
};
