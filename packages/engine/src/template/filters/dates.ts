import type { FilterDef } from '../jinja/environment.js';
import { plain } from '../python/compare.js';
import { PyDateTime, strftime, strptime } from '../python/datetime.js';
import { pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { arg } from '../call-args.js';

/** strftime(format, second=None, utc=False) and to_datetime(string, format), as Ansible's filters. */
export const dateFilters: Record<string, FilterDef> = {
  strftime: {
    fn: (v, args, kw) => {
      const seconds = arg(args, kw, 0, 'second', null);
      const utc = pyTruthy(arg(args, kw, 1, 'utc', false));
      const when = seconds === null ? new Date() : new Date(Number(plain(seconds)) * 1000);
      return strftime(pythonStr(plain(v)), PyDateTime.fromDate(when, utc));
    },
  },
  to_datetime: { fn: (v, args, kw) => strptime(pythonStr(plain(v)), pythonStr(arg(args, kw, 0, 'format', '%Y-%m-%d %H:%M:%S'))) },
};
