/** Import and export of the directory (the CLI's commands; the staff's export pages). */
import { defineModule } from '../../platform/module.ts';
import { exportsRoutes } from './exports.routes.ts';

export default defineModule({ name: 'imports', pages: exportsRoutes });
