// A grid's name for an id the lists' answers carry; looked up once per id and kept for the visit.
import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { fetchGrid } from '../grids/api';

const names = new Map<string, Promise<string>>();

const nameOf = (id: string): Promise<string> => {
  let found = names.get(id);
  if (found === undefined) {
    found = fetchGrid(id).then(
      (g) => g.item.name,
      () => id,
    );
    names.set(id, found);
  }
  return found;
};

export const GridName = ({ id }: { id: string }) => {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void nameOf(id).then((n) => {
      if (isCurrent) {
        setName(n);
      }
    });
    return () => {
      isCurrent = false;
    };
  }, [id]);
  return <Typography.Text>{name ?? '…'}</Typography.Text>;
};
