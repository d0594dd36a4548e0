/** Stored files: uploads checked, scanned, kept under random names and opened only through the owner module's check. No pages of its own: the modules whose things files belong to mount the routes. */
import { defineModule } from '../../platform/module.ts';
import { eraseCvsOf, expireOldCvs, filesProvidedBy } from './files.repository.ts';

export default defineModule({
  name: 'files',
  // CVs and attachments a person provided: in their data export, erased with their profile, and CVs expire after their call (SECURITY.md 32–34).
  personalData: { files: filesProvidedBy, erase: eraseCvsOf, expire: expireOldCvs },
});
