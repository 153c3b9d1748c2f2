// The areas of the app, in navigation order. An area without a page yet says what will be there.
import type { ReactNode } from 'react';
import {
  CompIcon,
  DataIcon,
  HomeIcon,
  PipelineIcon,
  PlanningIcon,
  ReviewsIcon,
  TerritoryIcon,
} from './components/icons.tsx';

export interface Area {
  path: string;
  label: string;
  icon: ReactNode;
  /** One line under the page title. */
  summary: string;
  /** For areas still being built: what they will hold, and what the command line does today. */
  planned?: { features: string[]; commands: string[] };
}

export const areas: Area[] = [
  { path: '/', label: 'Home', icon: <HomeIcon />, summary: 'Bookings, pipeline and top accounts at a glance.' },
  {
    path: '/territories',
    label: 'Territories',
    icon: <TerritoryIcon />,
    summary: 'Who owns which accounts, and since when.',
  },
  {
    path: '/comp',
    label: 'Compensation',
    icon: <CompIcon />,
    summary: 'Runs, statements, disputes, plans and the what-if estimator.',
  },
  {
    path: '/pipeline',
    label: 'Pipeline & Forecast',
    icon: <PipelineIcon />,
    summary: 'Every deal you may see, and where the quarter is heading.',
  },
  {
    path: '/forecast',
    label: 'Forecast',
    icon: <PipelineIcon />,
    summary: 'Calls, models with their bands, the gap to quota, and how accurate each has been.',
  },
  {
    path: '/planning',
    label: 'Planning',
    icon: <PlanningIcon />,
    summary: 'Capacity and quotas for the next fiscal year.',
    planned: {
      features: [
        'Capacity plans: hiring, ramp and attrition against the bookings target',
        'Quota setting and allocation down the organization',
      ],
      commands: ['attain plan capacity', 'attain plan quota'],
    },
  },
  {
    path: '/reviews',
    label: 'Reviews',
    icon: <ReviewsIcon />,
    summary: 'Monthly metrics reviews and quarterly business reviews.',
    planned: {
      features: [
        'The MMR pack: the month’s metrics from the one metrics catalog',
        'The QBR pack: attainment, pipeline coverage and forecast accuracy for the quarter',
        'Export to XLSX and PDF, ready for the slides',
      ],
      commands: ['attain pack mmr', 'attain pack qbr', 'attain query'],
    },
  },
  {
    path: '/data',
    label: 'Data',
    icon: <DataIcon />,
    summary: 'Load CSV and XLSX files, and find the data problems that break reporting.',
  },
];

/** The area a path belongs to: its own page or any page under it (/data/quality is Data). */
export function areaFor(path: string): Area | undefined {
  return (
    areas.find((area) => area.path === path) ??
    areas.find((area) => area.path !== '/' && path.startsWith(`${area.path}/`))
  );
}
