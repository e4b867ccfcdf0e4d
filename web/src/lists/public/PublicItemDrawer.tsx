// An item's process chart, basis and documents for a resident.
import { Drawer } from 'antd';
import type { ListItem } from '../api';
import { ItemDetail } from '../ItemDetail';

export const PublicItemDrawer = ({ item, onClose }: { item: ListItem | undefined; onClose: () => void }) => (
  <Drawer open={item !== undefined} onClose={onClose} title={item?.title} placement="bottom" size="85%">
    {item === undefined ? null : <ItemDetail item={item} isStaff={false} />}
  </Drawer>
);
