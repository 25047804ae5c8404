import { useMemo, useState } from 'react';
import {
  CLOUD_IDS,
  buildGrantScripts,
  getCloudInfo,
  mentionsRetiredModule,
  readGrantParams,
} from '../../consent';
import { GrantScripts, type GrantFormValues } from '../../ui/grant-scripts';
import type { ViewProps } from '../view-props';

const CLOUDS = CLOUD_IDS.map((id) => ({ id, label: getCloudInfo(id).label }));
const API_NAMES = ['Microsoft Graph', 'WindowsDefenderATP', 'Microsoft Threat Protection', 'Office 365 Management APIs'];

function GrantPage({ params, catalog }: ViewProps) {
  const [values, setValues] = useState<GrantFormValues>(() => {
    const p = readGrantParams(params);
    return { principalId: p.principalId, api: p.api, permissions: p.permissions.join(', '), cloud: p.cloud, tried: '' };
  });

  const result = useMemo(
    () =>
      catalog
        ? buildGrantScripts(
            {
              principalId: values.principalId,
              api: values.api,
              permissions: values.permissions.split(/[\s,]+/),
              cloud: values.cloud,
            },
            catalog,
          )
        : null,
    [catalog, values.principalId, values.api, values.permissions, values.cloud],
  );
  const retired = useMemo(
    () => mentionsRetiredModule([values.tried, values.api, values.permissions].join('\n')),
    [values.tried, values.api, values.permissions],
  );

  return (
    <section aria-labelledby="grant-heading" className="grant-view">
      <h1 id="grant-heading">Grant app roles to a service principal or managed identity</h1>
      <GrantScripts
        values={values}
        onChange={setValues}
        result={result}
        retired={retired}
        apiNames={API_NAMES}
        clouds={CLOUDS}
      />
    </section>
  );
}

/** Route `#grant&principal_id=…&api=…&permission=…`: app-role assignment scripts. */
export default function GrantView(props: ViewProps) {
  return <GrantPage key={props.params.toString()} {...props} />;
}
