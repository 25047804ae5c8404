import { useMemo, useState } from 'react';
import {
  CLOUD_IDS,
  buildGrantScripts,
  getCloudInfo,
  mentionsRetiredModule,
  readGrantParams,
} from '../../consent';
import { PrefillBar } from '../../ui/form-prefill';
import { GrantScripts, type GrantFormValues } from '../../ui/grant-scripts';
import type { ViewProps } from '../view-props';
import { useTokenPrefill } from './use-token-prefill';

const CLOUDS = CLOUD_IDS.map((id) => ({ id, label: getCloudInfo(id).label }));
const API_NAMES = [
  'Microsoft Graph',
  'WindowsDefenderATP',
  'Microsoft Threat Protection',
  'Office 365 Management APIs',
];

/** True while a field still holds what the link put there (so it was neither typed nor taken from the token). */
function holdsLinkValues(values: GrantFormValues, link: GrantFormValues): boolean {
  return (['principalId', 'api', 'permissions'] as const).some(
    (f) => link[f].trim() !== '' && values[f] === link[f],
  );
}

function GrantPage({ params, catalog, token }: ViewProps) {
  const prefill = useTokenPrefill(token);
  const [link] = useState<GrantFormValues>(() => {
    const p = readGrantParams(params);
    return {
      principalId: p.principalId,
      api: p.api,
      permissions: p.permissions.join(', '),
      cloud: p.cloud,
      tried: '',
    };
  });
  const [values, setValues] = useState<GrantFormValues>(link);
  const [note, setNote] = useState<string | null>(null);

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
  const applyPrefill = () => {
    if (prefill.status === 'unreadable') {
      setNote(`The inspected token could not be read: ${prefill.message}`);
      return;
    }
    if (prefill.status !== 'ready') return;
    const p = prefill.grant;
    setValues({
      ...values,
      principalId: p.principalId || values.principalId,
      api: p.api || values.api,
      cloud: p.cloud,
    });
    setNote(
      p.principalId
        ? 'Filled the principal (the token’s oid), the API (its audience) and the cloud from the token.'
        : 'The token acts for a user, so its oid is not a service principal: filled the API and cloud only.',
    );
  };
  const retired = useMemo(
    () => mentionsRetiredModule([values.tried, values.api, values.permissions].join('\n')),
    [values.tried, values.api, values.permissions],
  );

  return (
    <section aria-labelledby="grant-heading" className="grant-view">
      <h1 id="grant-heading">Grant app roles to a service principal or managed identity</h1>
      {prefill.status !== 'none' ? <PrefillBar onPrefill={applyPrefill} note={note} /> : null}
      <GrantScripts
        values={values}
        onChange={setValues}
        result={result}
        retired={retired}
        apiNames={API_NAMES}
        clouds={CLOUDS}
        fromLink={holdsLinkValues(values, link)}
      />
    </section>
  );
}

/** Route `#grant&principal_id=…&api=…&permission=…`: app-role assignment scripts. */
export default function GrantView(props: ViewProps) {
  // A new link starts a fresh form (by key, so no state is copied from the old one).
  return <GrantPage key={props.params.toString()} {...props} />;
}
