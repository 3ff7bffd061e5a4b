/**
 * RoleCatalogController.getRoleCatalog over the sample org: the package's role catalog against the
 * org's picklists, one section per category (../../roleCatalog.ts computes it, for the setup check too).
 */
import type { RoleCatalogReport } from '@contract';
import { roleCatalogReport } from '../../roleCatalog';
import type { ApexContext, ApexParams } from '../registry';

export function getRoleCatalog(_params: ApexParams, { describe }: ApexContext): RoleCatalogReport {
  return roleCatalogReport(describe);
}
