import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from './index';
import { parseSiteProfiles } from './profile-import';
import { profilesForPath } from './read';

const all = parseSiteProfiles({ profiles: BUILTIN_PROFILES });
if (!all.ok) throw new Error('built-ins invalid');
const ids = (path: string, hash = '') => profilesForPath(all.profiles, path, hash).map((p) => p.id);

describe('profiles for a page whose route is in its fragment', () => {
  it('a pattern may name the fragment: #/attendance/take and #/students are two profiles of one page', () => {
    expect(ids('/hashapp/', '#/attendance/take/4A/2025-11-24/AM')).toEqual(['demo-hashapp-register']);
    expect(ids('/hashapp/', '#/students/1093')).toEqual(['demo-hashapp-student']);
    expect(ids('/hashapp/', '#/timetable')).toEqual([]);
    expect(ids('/hashapp/')).toEqual([]);
  });

  it('a version 1 pattern still matches a page that has a fragment, anchored at the end of path and query', () => {
    const v1 = { ...all.profiles[0]!, id: 'v1', paths: ['\\.aspx$', '^/register/class(\\?|$)'] };
    expect(profilesForPath([v1], '/Attendance/Take.aspx', '#top').map((p) => p.id)).toEqual(['v1']);
    expect(profilesForPath([v1], '/register/class?class=4A', '#/x').map((p) => p.id)).toEqual(['v1']);
    expect(profilesForPath([v1], '/Attendance/Take.aspx').map((p) => p.id)).toEqual(['v1']);
    expect(profilesForPath([v1], '/other', '#/Take.aspx').map((p) => p.id)).toEqual(['v1']);
  });
});
