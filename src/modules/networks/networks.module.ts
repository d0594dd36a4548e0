/** The communities of practice: regional networks, their coordinators, members and members' proposals. */
import { defineModule } from '../../platform/module.ts';
import { networksRoutes } from './networks.routes.ts';
import { networksApiRoutes } from './networks.api.ts';
import { seedNetworksDemo } from './networks.demo.ts';
import { erasePersonalData, exportPersonalData } from './networks.service.ts';

export default defineModule({
  name: 'networks',
  pages: networksRoutes,
  api: networksApiRoutes,
  // After the accounts and organisations (the members are demo accounts).
  demo: { order: 45, run: (db, { now }) => seedNetworksDemo(db, { now }) },
  personalData: { export: exportPersonalData, erase: erasePersonalData },
});
