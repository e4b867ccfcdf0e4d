// Table types owned by the platform itself.
export type AppSettingTable = { key: string; value: string; updated_at: number };

export type PlatformTables = { app_setting: AppSettingTable };
