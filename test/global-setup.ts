// Builds the web app once before any test file starts, so tests that serve it never race to build.
import { buildWebIfNeeded } from '@attain/cli/build-web.ts';

export default function setup(): void {
  buildWebIfNeeded();
}
