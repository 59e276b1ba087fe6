// The built-in indicator library as raw data (validated by LibrarySchema where it is loaded).
// Generated layout: types.json + one indicators/<type>.json per project type (common.json: any project).
// Static JSON imports only, so this bundles for the task pane as well as for Node.
import types from './types.json';
import meeting from './indicators/meeting.json';
import training from './indicators/training.json';
import itBuild from './indicators/it-build.json';
import itOps from './indicators/it-ops.json';
import govPlatform from './indicators/gov-platform.json';
import equipment from './indicators/equipment.json';
import construction from './indicators/construction.json';
import repair from './indicators/repair.json';
import subsidy from './indicators/subsidy.json';
import staffing from './indicators/staffing.json';
import purchasedService from './indicators/purchased-service.json';
import legal from './indicators/legal.json';
import publicity from './indicators/publicity.json';
import envMonitoring from './indicators/env-monitoring.json';
import pollution from './indicators/pollution.json';
import envInspection from './indicators/env-inspection.json';
import emergency from './indicators/emergency.json';
import defense from './indicators/defense.json';
import common from './indicators/common.json';

export const LIBRARY_VERSION = '2023.1';

export const libraryData = {
  version: LIBRARY_VERSION,
  types,
  indicators: [
    ...meeting, ...training, ...itBuild, ...itOps, ...govPlatform, ...equipment, ...construction, ...repair,
    ...subsidy, ...staffing, ...purchasedService, ...legal, ...publicity, ...envMonitoring, ...pollution,
    ...envInspection, ...emergency, ...defense, ...common,
  ],
};
