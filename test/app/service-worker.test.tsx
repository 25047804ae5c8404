import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UpdatePrompt, watchForUpdate, type UpdateSource } from '../../src/app/service-worker';

function fakeRegistration(waiting: boolean) {
  const listeners: (() => void)[] = [];
  const stateListeners: (() => void)[] = [];
  const installing = {
    state: 'installing',
    addEventListener: (_: 'statechange', l: () => void) => stateListeners.push(l),
  };
  const registration: UpdateSource & { installing: typeof installing } = {
    waiting: waiting ? { postMessage: vi.fn() } : null,
    installing,
    addEventListener: (_: 'updatefound', l: () => void) => listeners.push(l),
  };
  return {
    registration,
    found: () => listeners.forEach((l) => l()),
    installed: () => {
      installing.state = 'installed';
      stateListeners.forEach((l) => l());
    },
  };
}

describe('watchForUpdate', () => {
  it.each([
    ['a version already waiting, page controlled', true, true, true],
    ['a version waiting on the very first visit', true, false, false],
  ])('%s: prompt %s', (_name, waiting, controlled, prompted) => {
    const onWaiting = vi.fn();
    watchForUpdate(fakeRegistration(waiting).registration, () => controlled, onWaiting);
    expect(onWaiting).toHaveBeenCalledTimes(prompted ? 1 : 0);
  });

  it('prompts when a new version finishes installing while the page is controlled', () => {
    const fake = fakeRegistration(false);
    const onWaiting = vi.fn();
    watchForUpdate(fake.registration, () => true, onWaiting);
    fake.found();
    expect(onWaiting).not.toHaveBeenCalled();
    fake.installed();
    expect(onWaiting).toHaveBeenCalledTimes(1);
  });

  it('does not prompt for the first install', () => {
    const fake = fakeRegistration(false);
    const onWaiting = vi.fn();
    watchForUpdate(fake.registration, () => false, onWaiting);
    fake.found();
    fake.installed();
    expect(onWaiting).not.toHaveBeenCalled();
  });
});

describe('UpdatePrompt', () => {
  it('says a new version is available and reloads on click, once', async () => {
    const onReload = vi.fn();
    render(<UpdatePrompt onReload={onReload} />);
    expect(screen.getByRole('complementary', { name: 'Update' })).toHaveTextContent('New version available.');
    const button = screen.getByRole('button', { name: 'Reload' });
    await userEvent.click(button);
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(button).toBeDisabled();
  });
});
