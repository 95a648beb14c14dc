/** What a unit does; it decides its members' titles and who handles HR. */
export type UnitFunction =
  | 'executive'
  | 'hr'
  | 'finance'
  | 'legal'
  | 'it'
  | 'production'
  | 'quality'
  | 'logistics'
  | 'sales'
  | 'marketing'
  | 'research'
  | 'service';

/** Job titles by function, most common first. */
export const titlesByFunction: Record<UnitFunction, readonly string[]> = {
  executive: ['Executive Assistant', 'Chief of Staff', 'Strategy Manager'],
  hr: ['HR Specialist', 'Payroll Specialist', 'Recruiter', 'HR Partner'],
  finance: ['Accountant', 'Financial Analyst', 'Treasury Specialist'],
  legal: ['Legal Counsel', 'Compliance Specialist', 'Paralegal'],
  it: ['Systems Engineer', 'Network Engineer', 'Service Desk Analyst'],
  production: [
    'Production Operator',
    'Line Technician',
    'Process Engineer',
    'Production Planner',
  ],
  quality: ['QA Inspector', 'Quality Engineer', 'Food Safety Specialist'],
  logistics: [
    'Logistics Coordinator',
    'Dispatcher',
    'Warehouse Associate',
    'Fleet Planner',
  ],
  sales: ['Account Manager', 'Sales Representative', 'Sales Analyst'],
  marketing: ['Brand Marketer', 'Content Manager', 'Marketing Analyst'],
  research: ['Food Scientist', 'R&D Engineer', 'Lab Technician'],
  service: ['Customer Service Agent', 'Support Specialist', 'Team Coach'],
};

/** Seniority prefixes with how often they occur. */
export const seniorities: readonly (readonly [string, number])[] = [
  ['', 5],
  ['Senior ', 3],
  ['Junior ', 1.5],
  ['Principal ', 0.5],
];
