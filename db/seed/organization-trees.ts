import type { UnitFunction } from './titles.js';

/**
 * One unit of a seeded organization tree. Members are placed in proportion
 * to headcount; a unit without headcount only groups its children.
 */
export interface UnitPlan {
  name: string;
  function?: UnitFunction;
  headcount?: number;
  children?: readonly UnitPlan[];
}

/** A food manufacturer in Korea: HQ, four divisions, a plant, a lab. */
export const hanbitFoodsTree: UnitPlan = {
  name: 'Hanbit Foods HQ',
  children: [
    { name: 'Executive Office', function: 'executive', headcount: 4 },
    {
      name: 'Management Support Division',
      children: [
        { name: 'People & Culture Team', function: 'hr', headcount: 9 },
        {
          name: 'Finance & Accounting Team',
          function: 'finance',
          headcount: 9,
        },
        { name: 'Legal & Compliance Team', function: 'legal', headcount: 4 },
        { name: 'IT Infrastructure Team', function: 'it', headcount: 7 },
      ],
    },
    {
      name: 'Production Division',
      children: [
        {
          name: 'Icheon Plant',
          children: [
            { name: 'Noodle Line Team', function: 'production', headcount: 26 },
            { name: 'Sauce Line Team', function: 'production', headcount: 20 },
            {
              name: 'Plant Maintenance Team',
              function: 'production',
              headcount: 8,
            },
          ],
        },
        { name: 'Quality Assurance Team', function: 'quality', headcount: 13 },
        { name: 'Supply Chain Team', function: 'logistics', headcount: 14 },
      ],
    },
    {
      name: 'Sales & Marketing Division',
      children: [
        { name: 'Domestic Sales Team', function: 'sales', headcount: 22 },
        { name: 'Global Sales Team', function: 'sales', headcount: 10 },
        { name: 'Brand Marketing Team', function: 'marketing', headcount: 11 },
        { name: 'E-commerce Team', function: 'marketing', headcount: 9 },
      ],
    },
    {
      name: 'R&D Center',
      children: [
        { name: 'Food Science Lab', function: 'research', headcount: 11 },
        {
          name: 'Packaging Development Team',
          function: 'research',
          headcount: 6,
        },
      ],
    },
  ],
};

/** A German freight forwarder: operations, commercial, corporate services. */
export const northwindLogisticsTree: UnitPlan = {
  name: 'Northwind Logistics',
  children: [
    {
      name: 'Operations',
      children: [
        { name: 'Hamburg Hub', function: 'logistics', headcount: 14 },
        { name: 'Munich Hub', function: 'logistics', headcount: 10 },
        { name: 'Fleet Management', function: 'logistics', headcount: 6 },
      ],
    },
    {
      name: 'Commercial',
      children: [
        { name: 'Key Accounts', function: 'sales', headcount: 6 },
        { name: 'Customer Service', function: 'service', headcount: 9 },
      ],
    },
    {
      name: 'Corporate Services',
      children: [
        { name: 'People Operations', function: 'hr', headcount: 4 },
        { name: 'Finance', function: 'finance', headcount: 4 },
        { name: 'IT & Security', function: 'it', headcount: 4 },
      ],
    },
  ],
};

/** A small tree for benchmark companies: enough for subtree filters. */
export const scaleCompanyTree: UnitPlan = {
  name: 'Head Office',
  children: [
    {
      name: 'Operations',
      children: [
        { name: 'Field Team', function: 'logistics', headcount: 8 },
        { name: 'Service Team', function: 'service', headcount: 6 },
      ],
    },
    { name: 'People Team', function: 'hr', headcount: 3 },
    { name: 'Sales Team', function: 'sales', headcount: 5 },
  ],
};
