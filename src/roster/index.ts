// The roster's door (花名册): an organisation subtree as spreadsheets — the import of organisations and members
// (dry run, then all-or-nothing) and the streamed export of a subtree with its members and central households.
// It sits above orgs, members and households so that none of them needs the others for files.
export { rosterRoutes } from './routes.js';
