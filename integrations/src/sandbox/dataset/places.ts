/** Real DDDs, cities and CEP ranges (first digits) so addresses and phones look like the country. */
export const CITIES = [
  { city: 'São Paulo', uf: 'SP', ddd: '11', cep: '01' },
  { city: 'Campinas', uf: 'SP', ddd: '19', cep: '13' },
  { city: 'Rio de Janeiro', uf: 'RJ', ddd: '21', cep: '20' },
  { city: 'Belo Horizonte', uf: 'MG', ddd: '31', cep: '30' },
  { city: 'Curitiba', uf: 'PR', ddd: '41', cep: '80' },
  { city: 'Porto Alegre', uf: 'RS', ddd: '51', cep: '90' },
  { city: 'Florianópolis', uf: 'SC', ddd: '48', cep: '88' },
  { city: 'Salvador', uf: 'BA', ddd: '71', cep: '40' },
  { city: 'Recife', uf: 'PE', ddd: '81', cep: '50' },
  { city: 'Fortaleza', uf: 'CE', ddd: '85', cep: '60' },
  { city: 'Goiânia', uf: 'GO', ddd: '62', cep: '74' },
  { city: 'Brasília', uf: 'DF', ddd: '61', cep: '70' },
  { city: 'Manaus', uf: 'AM', ddd: '92', cep: '69' },
  { city: 'Belém', uf: 'PA', ddd: '91', cep: '66' },
] as const;

export const STREETS = [
  'Rua das Palmeiras',
  'Avenida Brasil',
  'Rua XV de Novembro',
  'Rua Sete de Setembro',
  'Avenida Paulista',
  'Rua São João',
  'Rua Tiradentes',
  'Avenida Getúlio Vargas',
  'Rua Marechal Deodoro',
  'Rua Santos Dumont',
];

export const NEIGHBORHOODS = [
  'Centro',
  'Jardim América',
  'Vila Nova',
  'Boa Vista',
  'Santa Cruz',
  'São José',
  'Bela Vista',
];

export const FIRST_NAMES = [
  'Ana',
  'Maria',
  'Juliana',
  'Fernanda',
  'Patrícia',
  'Camila',
  'Aline',
  'Beatriz',
  'Larissa',
  'Renata',
  'João',
  'José',
  'Carlos',
  'Paulo',
  'Lucas',
  'Marcos',
  'Rafael',
  'Gabriel',
  'Bruno',
  'Thiago',
];
export const LAST_NAMES = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Almeida',
  'Lopes',
  'Barbosa',
  'Araújo',
  'Cardoso',
  'Rocha',
];
export const COMPANY_NAMES = [
  'Móveis Bela Casa Ltda',
  'Decora Ambientes ME',
  'Hotel Serra Azul Ltda',
  'Escritório Ponto Certo EIRELI',
];

export const PRODUCTS = [
  { sku: 'GR-6P-BR', name: 'Guarda-roupa Casal 6 Portas Branco', cents: 129990, assembly: true },
  { sku: 'RK-180-NT', name: 'Rack para TV até 65" Nature', cents: 54990, assembly: true },
  { sku: 'SF-3L-CZ', name: 'Sofá Retrátil 3 Lugares Cinza', cents: 189900, assembly: false },
  { sku: 'MS-JT-6C', name: 'Conjunto Mesa de Jantar 6 Cadeiras', cents: 149900, assembly: true },
  { sku: 'CB-BX-QN', name: 'Cama Box Queen com Colchão', cents: 219900, assembly: false },
  { sku: 'ES-HO-PR', name: 'Escrivaninha Home Office Preta', cents: 39990, assembly: true },
  { sku: 'CD-GM-01', name: 'Cadeira Gamer Reclinável', cents: 89990, assembly: true },
  { sku: 'PT-SP-BR', name: 'Painel de Parede Suspenso Branco', cents: 27990, assembly: true },
  { sku: 'CO-MD-04', name: 'Cômoda 4 Gavetas Amadeirada', cents: 46990, assembly: true },
  { sku: 'PL-LV-90', name: 'Poltrona Decorativa Linho', cents: 64990, assembly: false },
];

export const CARRIERS = ['Correios', 'Jadlog', 'Azul Cargo Express', 'Total Express'];
