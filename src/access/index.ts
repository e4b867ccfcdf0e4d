// Access's door: who is calling (actors and their role assignment), the scope a caller may see, and which role may
// do which action. The vocabulary every module checks against; it imports nothing, so any module may use it.
export { isInScope, scopeOf, type Actor, type Assignment, type Scope, type UserActor } from './actor.js';
export { abilitiesOf, actions, isRole, roleMay, roles, type Action, type Role } from './policies.js';
