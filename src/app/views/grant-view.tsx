import { useMemo, useState } from 'react';
import {
  CLOUD_IDS,
  buildGrantScripts,
  getCloudInfo,
  mentionsRetiredModule,
  prefillGrantFromToken,
  readGrantParams,
} from '../../consent';
import { classifyToken, decodeToken } from '../../token';
import { GrantScripts, type GrantFormValues } from '../../ui/grant-scripts';
import type { ViewProps } from '../view-props';

const CLOUDS = CLOUD_IDS.map((id) => ({ id, label: getCloudInfo(id).label }));
const API_NAMES = [
  'Microsoft Graph',
  'WindowsDefenderATP',
  'Microsoft Threat Protection',
  'Office 365 Management APIs',
];

function GrantPage({ params, catalog, token, now }: ViewProps) {
  const [values, setValues] = useState<GrantFormValues>(() => {
    const p = readGrantParams(params);
    return {
      principalId: p.principalId,
      api: p.api,
      permissions: p.permissions.join(', '),
      cloud: p.cloud,
      tried: '',
    };
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
  const [prefillNote, setPrefillNote] = useState<string | null>(null);
  const prefill = token
    ? () => {
        const decoded = decodeToken(token.raw);
        if (!decoded.ok) {
          setPrefillNote(`The inspected token could not be read: ${decoded.error.message}`);
          return;
        }
        const classification = classifyToken(decoded.token, now);
        const p = prefillGrantFromToken(decoded.token, classification);
        setValues({
          ...values,
          principalId: p.principalId || values.principalId,
          api: p.api || values.api,
          cloud: p.cloud,
        });
        setPrefillNote(
          p.principalId
            ? 'Filled the principal (the token’s oid), the API (its audience) and the cloud from the token.'
            : 'The token acts for a user, so its oid is not a service principal: filled the API and cloud only.',
        );
      }
    : undefined;
  const retired = useMemo(
    () => mentionsRetiredModule([values.tried, values.api, values.permissions].join('\n')),
    [values.tried, values.api, values.permissions],
  );

  return (
    <section aria-labelledby="grant-heading" className="grant-view">
      <h1 id="grant-heading">Grant app roles to a service principal or managed identity</h1>
      {prefill ? (
        <p>
          <button type="button" onClick={prefill}>
            Prefill from the inspected token
          </button>{' '}
          {prefillNote ? <span role="status">{prefillNote}</span> : null}
        </p>
      ) : null}
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
