import { createRouter, createWebHashHistory } from 'vue-router'
import { loadMe, loggedIn, me } from './api'

// meta.roles: who may open a screen; the server refuses what a role may not do either way

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: () => import('./views/Login.vue') },
    {
      path: '/',
      component: () => import('./views/Shell.vue'),
      children: [
        { path: '', component: () => import('./views/Home.vue') },
        { path: 'outflows', meta: { roles: ['ENTERPRISE', 'TOWNSHIP_OFFICER'] }, component: () => import('./views/enterprise/Outflows.vue') },
        { path: 'outflows/new', meta: { roles: ['ENTERPRISE', 'TOWNSHIP_OFFICER'] }, component: () => import('./views/enterprise/DeclareOutflow.vue') },
        { path: 'outflows/:id', component: () => import('./views/enterprise/OutflowDetail.vue') },
        { path: 'profile', meta: { roles: ['ENTERPRISE', 'TOWNSHIP_OFFICER'] }, component: () => import('./views/enterprise/Profile.vue') },
        { path: 'market', meta: { roles: ['ENTERPRISE'] }, component: () => import('./views/enterprise/Market.vue') },
        { path: 'orders', meta: { roles: ['ENTERPRISE', 'TOWNSHIP_OFFICER'] }, component: () => import('./views/enterprise/Orders.vue') },
        { path: 'inventory', meta: { roles: ['TOWNSHIP_OFFICER'] }, component: () => import('./views/township/Inventory.vue') },
        { path: 'listings', meta: { roles: ['TOWNSHIP_OFFICER'] }, component: () => import('./views/township/Listings.vue') },
        { path: 'fund', meta: { roles: ['TOWNSHIP_OFFICER'] }, component: () => import('./views/township/Fund.vue') },
        { path: 'inflows', meta: { roles: ['TOWNSHIP_OFFICER', 'COUNTY_ADMIN'] }, component: () => import('./views/township/Inflows.vue') },
        { path: 'dashboard', meta: { roles: ['COUNTY_ADMIN', 'COUNTY_VIEWER'] }, component: () => import('./views/county/Dashboard.vue') },
        { path: 'review', meta: { roles: ['COUNTY_ADMIN', 'TOWNSHIP_OFFICER'] }, component: () => import('./views/county/OutflowReview.vue') },
        { path: 'violations', meta: { roles: ['COUNTY_ADMIN', 'COUNTY_VIEWER'] }, component: () => import('./views/county/Violations.vue') },
        { path: 'rules', meta: { roles: ['COUNTY_ADMIN'] }, component: () => import('./views/county/Rules.vue') },
        { path: 'imports', meta: { roles: ['COUNTY_ADMIN'] }, component: () => import('./views/county/Imports.vue') },
        { path: 'reports', meta: { roles: ['COUNTY_ADMIN', 'COUNTY_VIEWER'] }, component: () => import('./views/county/Reports.vue') },
        { path: 'year', meta: { roles: ['COUNTY_ADMIN', 'COUNTY_VIEWER'] }, component: () => import('./views/county/YearBalance.vue') },
        { path: 'expenses', meta: { roles: ['COUNTY_ADMIN', 'COUNTY_VIEWER'] }, component: () => import('./views/county/Expenses.vue') },
        { path: 'users', meta: { roles: ['COUNTY_ADMIN'] }, component: () => import('./views/county/Users.vue') },
      ],
    },
  ],
})

router.beforeEach(async to => {
  if (to.path === '/login') return true
  if (!loggedIn()) return '/login'
  if (!me.value) {
    try { await loadMe() } catch { return '/login' }
  }
  // a screen of another role (a bookmark, a link passed on) leads to the user's own first screen instead of a broken page
  const roles = to.meta.roles as string[] | undefined
  if (roles && !roles.includes(me.value!.role)) return '/'
  return true
})
