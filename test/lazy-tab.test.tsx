/**
 * @jest-environment jsdom
 */
// A tab loaded on first use (指标库, 模板 in the built pane): nothing fetched while hidden, a Chinese loading state,
// a Chinese error when the chunk cannot be loaded, and 重试 loads it again.
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taskpaneText as T } from '../src/core/i18n/taskpane';
import { lazyTab } from '../src/taskpane/components/LazyTab';
import type { TabProps } from '../src/taskpane/components/tabs';
import { registerPaneIcons } from '../src/taskpane/icons';
import { MemoryHost } from '../src/taskpane/dev/memory-host';
import { TaskPaneSession } from '../src/taskpane/session';

function Loaded(): JSX.Element {
  return <div data-testid="loaded">loaded</div>;
}

beforeAll(() => registerPaneIcons());

describe('lazyTab', () => {
  const session = new TaskPaneSession(new MemoryHost([]));
  const props = (active: boolean): TabProps => ({ session, state: session.getState(), active });

  it('loads only once shown, with a loading message, then renders the tab', async () => {
    let resolve: (c: React.ComponentType<TabProps>) => void = () => undefined;
    const load = jest.fn(() => new Promise<React.ComponentType<TabProps>>((r) => (resolve = r)));
    const Tab = lazyTab('t1', load);
    const { rerender } = render(<Tab {...props(false)} />);
    expect(load).not.toHaveBeenCalled();
    rerender(<Tab {...props(true)} />);
    expect(await screen.findByText(T.lazyTab.loading)).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
    resolve(Loaded);
    expect(await screen.findByTestId('loaded')).toBeTruthy();
    // A second pane on the same page reuses the loaded component at once.
    render(<Tab {...props(false)} />);
    expect(screen.getAllByTestId('loaded')).toHaveLength(2);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so in Chinese when the chunk fails, and 重试 fetches it again', async () => {
    const load = jest.fn<Promise<React.ComponentType<TabProps>>, []>()
      .mockRejectedValueOnce(new Error('ChunkLoadError: Loading chunk 1 failed.'))
      .mockResolvedValueOnce(Loaded);
    const Tab = lazyTab('t2', load);
    render(<Tab {...props(true)} />);
    expect(await screen.findByText(T.lazyTab.failed)).toBeTruthy();
    expect(screen.queryByText(/ChunkLoadError/)).toBeNull();
    fireEvent.click(screen.getByTestId('lazy-retry-t2'));
    await waitFor(() => expect(screen.getByTestId('loaded')).toBeTruthy());
    expect(load).toHaveBeenCalledTimes(2);
  });
});
