import { createRouter, createWebHashHistory } from 'vue-router'
import { loadMe, loggedIn, me } from './api'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: () => import('./views/Login.vue') },
    {
      path: '/',
      component: () => import('./views/Shell.vue'),
      children: [
        { path: '', component: () => import('./views/Home.vue') },
        { path: 'outflows', component: () => import('./views/enterprise/Outflows.vue') },
        { path: 'outflows/new', component: () => import('./views/enterprise/DeclareOutflow.vue') },
        { path: 'outflows/:id', component: () => import('./views/enterprise/OutflowDetail.vue') },
        { path: 'market', component: () => import('./views/enterprise/Market.vue') },
        { path: 'orders', component: () => import('./views/enterprise/Orders.vue') },
        { path: 'inventory', component: () => import('./views/township/Inventory.vue') },
        { path: 'listings', component: () => import('./views/township/Listings.vue') },
        { path: 'fund', component: () => import('./views/township/Fund.vue') },
        { path: 'inflows', component: () => import('./views/township/Inflows.vue') },
        { path: 'dashboard', component: () => import('./views/county/Dashboard.vue') },
        { path: 'review', component: () => import('./views/county/OutflowReview.vue') },
        { path: 'violations', component: () => import('./views/county/Violations.vue') },
        { path: 'rules', component: () => import('./views/county/Rules.vue') },
        { path: 'imports', component: () => import('./views/county/Imports.vue') },
        { path: 'reports', component: () => import('./views/county/Reports.vue') },
        { path: 'year', component: () => import('./views/county/YearBalance.vue') },
        { path: 'expenses', component: () => import('./views/county/Expenses.vue') },
        { path: 'users', component: () => import('./views/county/Users.vue') },
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
  return true
})
