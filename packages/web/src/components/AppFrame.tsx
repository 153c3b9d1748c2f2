// The frame around every page once logged in: the left navigation and the header with the user.
import { type ReactNode, useEffect } from 'react';
import type { Me } from '../api/types.ts';
import { areaFor, areas } from '../areas.tsx';
import { LogOutIcon } from './icons.tsx';
import { Link } from './Link.tsx';

const roleLabels: Record<Me['role'], string> = {
  admin: 'Admin',
  ops: 'Sales Ops',
  finance: 'Finance',
  manager: 'Manager',
  rep: 'Sales rep',
};

export function AppFrame({
  me,
  path,
  onLogOut,
  children,
}: {
  me: Me;
  path: string;
  onLogOut: () => void;
  children: ReactNode;
}) {
  const title = areaFor(path)?.label;
  useEffect(() => {
    document.title = title ? `${title} · Attain` : 'Attain';
  }, [title]);

  return (
    <div className="frame">
      <nav className="sidebar" aria-label="Main">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span className="brand__name">Attain</span>
        </Link>
        <ul className="nav">
          {areas.map((area) => (
            <li key={area.path}>
              <Link to={area.path} className="nav__link" current={areaFor(path) === area}>
                {area.icon}
                <span>{area.label}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="sidebar__footer">Sales operations, explained.</p>
      </nav>
      <div className="frame__main">
        <header className="topbar">
          <div className="topbar__spacer" />
          <div className="user" data-testid="user">
            <div className="user__who">
              <span className="user__email" data-testid="user-email">
                {me.user.email}
              </span>
              <span className="user__detail">
                {me.person ? `${me.person.name} · ` : ''}
                <span className={`role role--${me.role}`} data-testid="user-role">
                  {roleLabels[me.role]}
                </span>
              </span>
            </div>
            <span className="avatar" aria-hidden="true">
              {me.user.email.slice(0, 1).toUpperCase()}
            </span>
            <button type="button" className="button button--ghost" onClick={onLogOut}>
              <LogOutIcon /> Log out
            </button>
          </div>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
